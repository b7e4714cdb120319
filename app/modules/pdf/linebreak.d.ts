// linebreak (UAX #14, the line breaker pdfkit uses) ships no types: the part this project uses.
declare module "linebreak" {
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity (`position`: the UTF-16 index a line may start at), or null at the end. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
