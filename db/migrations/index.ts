import type { Migration } from "kysely";
import * as foundation from "./20261128030000_foundation";
import * as reviews from "./20261128040000_reviews";
import * as learning from "./20261128050000_learning";
import * as library from "./20261128060000_library";
import * as dialogues from "./20261204160000_dialogues";
import * as dataSource from "./20261205010000_data_source";
import * as hub from "./20261206010000_hub";
import * as hubPeople from "./20261206020000_hub_people";

/**
 * Every migration, in order. A static list because the compiled server cannot import .ts files
 * from a folder at run time. Append new migrations; never edit one that has landed.
 */
export const migrations: Record<string, Migration> = {
  "20261128030000_foundation": foundation,
  "20261128040000_reviews": reviews,
  "20261128050000_learning": learning,
  "20261128060000_library": library,
  "20261204160000_dialogues": dialogues,
  "20261205010000_data_source": dataSource,
  "20261206010000_hub": hub,
  "20261206020000_hub_people": hubPeople,
};
