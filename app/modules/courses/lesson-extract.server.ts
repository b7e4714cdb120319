/**
 * A remark plugin that runs before a lesson is compiled. It
 * - pulls every `<Quiz>` out of the tree (questions, options and the answer key) and leaves only
 *   `<Quiz id="…" />` behind, so the compiled bundle holds no question, option or `correct` flag;
 * - collects glossary terms, a block outline (for the PDF and the printable page) and plain text
 *   (for search) from the same tree the page is built from;
 * - refuses what would break a learner's page at run time: unknown components, imports, malformed
 *   quizzes. Compilation then fails, which is what `npm run content:check` reports.
 */
import type { PublicQuiz, QuestionKind } from "./courses.schema.server";
import { QUESTION_KINDS } from "./courses.schema.server";

/** The minimum of the mdast/MDX node shape we read. */
type Attribute = { type: string; name?: string; value?: unknown };
type Node = {
  type: string;
  name?: string | null;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  attributes?: Attribute[];
  children?: Node[];
  position?: { start: { line: number; column: number } };
};

export type QuizDefinition = PublicQuiz & { key: Record<string, string[]> };

export type Block =
  | { type: "heading"; depth: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; ordered: boolean; items: Block[][] }
  | { type: "table"; rows: string[][] }
  | { type: "callout"; kind: CalloutKind; title: string | null; children: Block[] }
  | { type: "figure"; caption: string; children: Block[] }
  | { type: "keypoints"; children: Block[] }
  | { type: "quote"; children: Block[] }
  | { type: "quiz"; id: string };

export const CALLOUT_KINDS = ["info", "tip", "warning"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export type LessonExtract = {
  quizzes: QuizDefinition[];
  terms: Array<{ term: string; definition: string }>;
  blocks: Block[];
  /** Plain text of the lesson body, quiz prompts and options included, answer key excluded. */
  text: string;
};

const FLOW_COMPONENTS = new Set(["Callout", "Figure", "KeyPoints", "Quiz"]);
const TEXT_COMPONENTS = new Set(["Term"]);

export class LessonContentError extends Error {
  constructor(message: string, node?: Node) {
    const where = node?.position ? ` (line ${node.position.start.line})` : "";
    super(`${message}${where}`);
    this.name = "LessonContentError";
  }
}

function attribute(node: Node, name: string): string | boolean | undefined {
  const found = node.attributes?.find((item) => item.type === "mdxJsxAttribute" && item.name === name);
  if (!found) return undefined;
  if (found.value === null || found.value === undefined) return true;
  if (typeof found.value === "string") return found.value;
  // An expression such as correct={true}: accept the literal booleans only.
  const expression = (found.value as { value?: string }).value?.trim();
  if (expression === "true") return true;
  if (expression === "false") return false;
  throw new LessonContentError(`attribute "${name}" on <${node.name}> must be a plain string or true/false`, node);
}

function stringAttribute(node: Node, name: string, required: true): string;
function stringAttribute(node: Node, name: string, required?: false): string | undefined;
function stringAttribute(node: Node, name: string, required = false): string | undefined {
  const value = attribute(node, name);
  if (value === undefined && required) throw new LessonContentError(`<${node.name}> needs a "${name}" attribute`, node);
  if (value !== undefined && typeof value !== "string") throw new LessonContentError(`attribute "${name}" on <${node.name}> must be text`, node);
  return value?.trim();
}

/** Visible text of inline content, whitespace collapsed. */
export function inlineText(node: Node): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "code") return node.value ?? "";
  if (node.type === "break") return " ";
  if (node.type === "mdxTextExpression" || node.type === "mdxFlowExpression") return "";
  return (node.children ?? []).map(inlineText).join("");
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

function findAll(node: Node, name: string, found: Node[] = []): Node[] {
  for (const child of node.children ?? []) {
    if ((child.type === "mdxJsxFlowElement" || child.type === "mdxJsxTextElement") && child.name === name) found.push(child);
    else findAll(child, name, found);
  }
  return found;
}

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** A note in brackets closing a prompt: "(choose all that apply)", "（可多选）". */
const MULTIPLE_NOTE = /[(（][^()（）]+[)）]$/;

function extractQuiz(node: Node): QuizDefinition {
  const id = stringAttribute(node, "id", true);
  if (!ID.test(id)) throw new LessonContentError(`quiz id "${id}" must be lowercase letters, digits and dashes`, node);
  const questions: QuizDefinition["questions"] = [];
  const key: QuizDefinition["key"] = {};
  const questionNodes = findAll(node, "Question");
  if (questionNodes.length === 0) throw new LessonContentError(`quiz "${id}" has no <Question>`, node);
  for (const questionNode of questionNodes) {
    const questionId = stringAttribute(questionNode, "id", true);
    const kind = stringAttribute(questionNode, "kind", true) as QuestionKind;
    const prompt = collapse(stringAttribute(questionNode, "prompt", true));
    if (!ID.test(questionId)) throw new LessonContentError(`question id "${questionId}" in quiz "${id}" is not a valid id`, questionNode);
    if (key[questionId]) throw new LessonContentError(`question id "${questionId}" appears twice in quiz "${id}"`, questionNode);
    if (!QUESTION_KINDS.includes(kind)) throw new LessonContentError(`question "${questionId}" has unknown kind "${kind}" (single, multiple, truefalse)`, questionNode);
    if (!prompt) throw new LessonContentError(`question "${questionId}" has an empty prompt`, questionNode);
    const options: Array<{ id: string; label: string }> = [];
    const correct: string[] = [];
    for (const optionNode of findAll(questionNode, "Option")) {
      const optionId = stringAttribute(optionNode, "id", true);
      const label = collapse(inlineText(optionNode));
      if (!ID.test(optionId)) throw new LessonContentError(`option id "${optionId}" in question "${questionId}" is not a valid id`, optionNode);
      if (options.some((option) => option.id === optionId)) throw new LessonContentError(`option "${optionId}" appears twice in question "${questionId}"`, optionNode);
      if (!label) throw new LessonContentError(`option "${optionId}" in question "${questionId}" has no text`, optionNode);
      const isCorrect = attribute(optionNode, "correct");
      if (isCorrect !== undefined && typeof isCorrect !== "boolean") throw new LessonContentError(`"correct" on option "${optionId}" takes no value`, optionNode);
      options.push({ id: optionId, label });
      if (isCorrect) correct.push(optionId);
    }
    if (options.length < 2) throw new LessonContentError(`question "${questionId}" needs at least two options`, questionNode);
    if (kind === "truefalse" && (options.length !== 2 || !options.every((option) => option.id === "true" || option.id === "false"))) {
      throw new LessonContentError(`true/false question "${questionId}" needs exactly the options "true" and "false"`, questionNode);
    }
    if (kind !== "multiple" && correct.length !== 1) throw new LessonContentError(`question "${questionId}" (${kind}) needs exactly one correct option, has ${correct.length}`, questionNode);
    if (kind === "multiple" && correct.length < 1) throw new LessonContentError(`question "${questionId}" (multiple) needs at least one correct option`, questionNode);
    // The prompt is the one place that tells the learner, in the lesson's own words; the quiz adds nothing.
    if (kind === "multiple" && !MULTIPLE_NOTE.test(prompt)) {
      throw new LessonContentError(`multiple-answer question "${questionId}" must end with a note that several answers are possible, e.g. "(choose all that apply)"`, questionNode);
    }
    questions.push({ id: questionId, kind, prompt, options });
    key[questionId] = correct.sort();
  }
  return { id, questions, key };
}

/** Rejects components, imports and expressions a lesson may not use. */
function checkNode(node: Node, insideQuiz: boolean) {
  if (node.type === "mdxjsEsm") throw new LessonContentError("lessons may not import or export anything", node);
  if (node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") {
    if ((node.value ?? "").trim() !== "" && !/^\/\*[\s\S]*\*\/$/.test((node.value ?? "").trim())) {
      throw new LessonContentError("lessons may not contain JavaScript expressions (only {/* comments */})", node);
    }
  }
  if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
    const name = node.name ?? "";
    const allowed = insideQuiz ? name === "Question" || name === "Option" : FLOW_COMPONENTS.has(name) || TEXT_COMPONENTS.has(name);
    if (!allowed) throw new LessonContentError(`unknown component <${name || "fragment"}>; use Callout, Term, Figure, KeyPoints or Quiz`, node);
    if (name === "Callout") {
      const kind = stringAttribute(node, "kind") ?? "info";
      if (!(CALLOUT_KINDS as readonly string[]).includes(kind)) throw new LessonContentError(`Callout kind "${kind}" is not one of ${CALLOUT_KINDS.join(", ")}`, node);
    }
    if (name === "Term" && !stringAttribute(node, "definition", true)) throw new LessonContentError("<Term> needs a definition", node);
    if (name === "Figure" && !stringAttribute(node, "caption", true)) throw new LessonContentError("<Figure> needs a caption", node);
  }
  if (node.type === "html") throw new LessonContentError("raw HTML is not allowed in lessons; use the lesson components", node);
  for (const child of node.children ?? []) checkNode(child, insideQuiz || node.name === "Quiz");
}

function toBlocks(nodes: Node[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "heading":
        blocks.push({ type: "heading", depth: node.depth ?? 2, text: collapse(inlineText(node)) });
        break;
      case "paragraph":
      case "code": {
        const text = collapse(inlineText(node));
        if (text) blocks.push({ type: "paragraph", text });
        break;
      }
      case "list":
        blocks.push({ type: "list", ordered: Boolean(node.ordered), items: (node.children ?? []).map((item) => toBlocks(item.children ?? [])) });
        break;
      case "table":
        blocks.push({ type: "table", rows: (node.children ?? []).map((row) => (row.children ?? []).map((cell) => collapse(inlineText(cell)))) });
        break;
      case "blockquote":
        blocks.push({ type: "quote", children: toBlocks(node.children ?? []) });
        break;
      case "mdxJsxFlowElement":
        if (node.name === "Callout") {
          blocks.push({ type: "callout", kind: (stringAttribute(node, "kind") ?? "info") as CalloutKind, title: stringAttribute(node, "title") ?? null, children: toBlocks(node.children ?? []) });
        } else if (node.name === "Figure") {
          blocks.push({ type: "figure", caption: stringAttribute(node, "caption", true), children: toBlocks(node.children ?? []) });
        } else if (node.name === "KeyPoints") {
          blocks.push({ type: "keypoints", children: toBlocks(node.children ?? []) });
        } else if (node.name === "Quiz") {
          blocks.push({ type: "quiz", id: stringAttribute(node, "id", true) });
        } else if (node.name === "Term") {
          blocks.push({ type: "paragraph", text: collapse(inlineText(node)) });
        }
        break;
      default:
        break;
    }
  }
  return blocks;
}

function blocksText(blocks: Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case "heading":
      case "paragraph":
        return [block.text];
      case "list":
        return block.items.flatMap(blocksText);
      case "table":
        return block.rows.map((row) => row.join(" "));
      case "callout":
        return [...(block.title ? [block.title] : []), ...blocksText(block.children)];
      case "figure":
        return [block.caption, ...blocksText(block.children)];
      case "keypoints":
      case "quote":
        return blocksText(block.children);
      case "quiz":
        return [];
    }
  });
}

/** Reads a parsed lesson tree, fills `extract` and rewrites quizzes to bare placeholders. */
export function extractLesson(tree: Node, extract: LessonExtract) {
  checkNode(tree, false);
  const children = tree.children ?? [];
  for (const quizNode of findAll(tree, "Quiz")) {
    if (!children.includes(quizNode)) {
      throw new LessonContentError("<Quiz> must stand on its own at the top level of a lesson, not inside another element", quizNode);
    }
  }
  for (const termNode of findAll(tree, "Term")) {
    const term = collapse(inlineText(termNode));
    const definition = collapse(stringAttribute(termNode, "definition", true));
    if (!extract.terms.some((known) => known.term === term)) extract.terms.push({ term, definition });
  }
  extract.blocks = toBlocks(children);
  tree.children = children.map((node) => {
    if (node.type !== "mdxJsxFlowElement" || node.name !== "Quiz") return node;
    const quiz = extractQuiz(node);
    if (extract.quizzes.some((known) => known.id === quiz.id)) throw new LessonContentError(`quiz id "${quiz.id}" appears twice in the lesson`, node);
    extract.quizzes.push(quiz);
    // Only the id survives into the compiled code: questions come from the server at render time.
    return { type: "mdxJsxFlowElement", name: "Quiz", attributes: [{ type: "mdxJsxAttribute", name: "id", value: quiz.id }], children: [] };
  });
  const quizText = extract.quizzes.flatMap((quiz) => quiz.questions.flatMap((question) => [question.prompt, ...question.options.map((option) => option.label)]));
  extract.text = [...blocksText(extract.blocks), ...quizText].join("\n");
}

/** The remark plugin: `[remarkLessonExtract, extract]` in the compile's plugin list. */
export function remarkLessonExtract(extract: LessonExtract) {
  return (tree: unknown) => extractLesson(tree as Node, extract);
}

export function emptyExtract(): LessonExtract {
  return { quizzes: [], terms: [], blocks: [], text: "" };
}

/** The quiz without its key: what may be sent to a browser. */
export function toPublicQuiz(quiz: QuizDefinition): PublicQuiz {
  return { id: quiz.id, questions: quiz.questions.map((question) => ({ id: question.id, kind: question.kind, prompt: question.prompt, options: question.options.map((option) => ({ id: option.id, label: option.label })) })) };
}
