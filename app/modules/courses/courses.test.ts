import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../test/db";
import { DEMO, signInAs, signUpMember } from "../../../test/factories";
import { TestClient, visibleText, type TestResponse } from "../../../test/http-client";
import { getCourseEntry, getCourseRequirements, getQuizForGrading } from "./lessons.server";
import { listCoursesByTags, listCourseSearchDocuments } from "./search.server";

const strings = (locale: string) => JSON.parse(readFileSync(`app/locales/${locale}/courses.json`, "utf8"));
const en = strings("en");
const fr = strings("fr");

/** The right (or wrong) answers of a quiz, as form fields, read from the server-side key. */
async function answers(courseSlug: string, lessonSlug: string, quizId: string, right: boolean) {
  const course = (await getCourseEntry(courseSlug))!;
  const quiz = (await getQuizForGrading(course, lessonSlug, quizId))!;
  const fields: Record<string, string | string[]> = { intent: "quiz", quizId };
  for (const question of quiz.questions) {
    const key = quiz.key[question.id]!;
    fields[`q.${question.id}`] = right ? key : [question.options.find((option) => !key.includes(option.id))!.id];
  }
  return fields;
}

/** Finishes a whole course through the forms, as a browser without JavaScript would. */
async function finishCourse(client: TestClient, courseSlug: string, prefix = "") {
  const course = (await getCourseEntry(courseSlug))!;
  const requirements = await getCourseRequirements(course);
  expect((await client.post(`${prefix}/courses/${courseSlug}`, { intent: "enroll" })).status).toBe(302);
  for (const lessonSlug of requirements.lessonSlugs) {
    const url = `${prefix}/courses/${courseSlug}/${lessonSlug}`;
    const quizzes = requirements.quizzes.filter((quiz) => quiz.lessonSlug === lessonSlug);
    for (const quiz of quizzes) expect((await client.post(url, await answers(courseSlug, lessonSlug, quiz.quizId, true))).status).toBe(302);
    if (quizzes.length === 0) expect((await client.post(url, { intent: "complete" })).status).toBe(302);
  }
  return requirements;
}

async function userId(email: string) {
  return (await getDb().selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

/** Anything that would reveal which options are right. */
function expectNoAnswerKey(response: TestResponse) {
  expect(response.text).not.toMatch(/\bcorrect\s*(=|:|\\?")/i);
  expect(response.text).not.toMatch(/"correct"/i);
}

describe("catalogue and course pages", () => {
  it("lists the courses with their length and filters them with a GET form", async () => {
    const client = new TestClient();
    const all = visibleText((await client.get("/courses")).text);
    expect(all).toContain("The UNTOC review mechanism: how country reviews work");
    expect(all).toContain("Engaging in the review: a course for non-governmental stakeholders");
    expect(all).toContain("Cluster I: criminalization and jurisdiction");
    expect(all).toContain("Lessons: 6 · about 75 minutes");

    const general = visibleText((await client.get("/courses?audience=general")).text);
    expect(general).toContain("Courses found: 1");
    expect(general).toContain("The UNTOC review mechanism");
    expect(visibleText((await client.get("/courses?cluster=II")).text)).toContain("Courses found: 1");
    // Every course is complete in every language (a partly translated course: translations.test.ts).
    for (const language of ["fr", "pt", "ar", "zh"]) expect(visibleText((await client.get(`/courses?language=${language}`)).text)).toContain("Courses found: 3");
    // Unknown filter values are ignored, not a 500.
    expect((await client.get("/courses?audience=robots&cluster=IX")).status).toBe(200);
  });

  it("lets visitors read the syllabus and the first lesson only", async () => {
    const client = new TestClient();
    const overview = await client.get("/courses/review-mechanism");
    expect(overview.status).toBe(200);
    expect(visibleText(overview.text)).toContain("Drawing lots: groups and pairing");
    expect(visibleText(overview.text)).toContain(en.course.signInToEnroll);
    const first = await client.get("/courses/review-mechanism/01-what-is-the-review-mechanism");
    expect(first.status).toBe(200);
    expect(visibleText(first.text)).toContain(en.quiz.signInToAnswer);
    const second = await client.get("/courses/review-mechanism/02-groups-and-pairing");
    expect(second.status).toBe(302);
    expect(second.location).toBe("/sign-in?redirectTo=%2Fcourses%2Freview-mechanism%2F02-groups-and-pairing");
    expect((await client.post("/courses/review-mechanism/01-what-is-the-review-mechanism", { intent: "complete" })).status).toBe(302);
  });

  it("says once, in the prompt, that a multiple-answer question takes several answers, in every language", async () => {
    const client = new TestClient();
    let multiple = 0;
    for (const locale of ["en", "fr", "es", "ar", "zh", "ru", "pt"]) {
      const prefix = locale === "en" ? "" : `/${locale}`;
      for (const lesson of ["review-mechanism/01-what-is-the-review-mechanism", "cluster-one/01-scope-and-key-terms", "stakeholder-engagement/01-who-are-non-governmental-stakeholders"]) {
        const page = await client.get(`${prefix}/courses/${lesson}`);
        expect(page.status, `${locale} ${lesson}`).toBe(200);
        for (const [, fieldset] of page.text.matchAll(/<fieldset class="quiz__question"[^>]*>([\s\S]*?)<\/fieldset>/g)) {
          const legend = visibleText(/<legend>([\s\S]*?)<\/legend>/.exec(fieldset!)![1]!).trim();
          // Never two notes in a row at the end: "(choose all that apply) (choose all that apply)".
          expect(legend, `${locale} ${lesson}`).not.toMatch(/[)）]\s*[(（][^()（）]+[)）]$/);
          if (fieldset!.includes('type="checkbox"')) {
            multiple++;
            expect(legend, `${locale} ${lesson}`).toMatch(/[?？؟]\s*[(（][^()（）]+[)）]$/);
          }
        }
      }
    }
    expect(multiple).toBeGreaterThanOrEqual(7);
  });

  it("answers unknown courses and lessons with a localized 404", async () => {
    const client = new TestClient();
    const course = await client.get("/fr/courses/no-such-course");
    expect(course.status).toBe(404);
    expect(visibleText(course.text)).toContain("Page introuvable");
    const lesson = await client.get("/ar/courses/review-mechanism/99-nothing");
    expect(lesson.status).toBe(404);
    expect(visibleText(lesson.text)).toContain("الصفحة غير موجودة");
    const { client: member } = await signUpMember();
    expect((await member.post("/courses/review-mechanism/99-nothing", { intent: "complete" })).status).toBe(404);
  });
});

describe("the answer key never reaches the browser", () => {
  it("is absent from the HTML, the loader data and the JavaScript bundles", async () => {
    const visitor = new TestClient();
    const { client: member } = await signUpMember();
    const lesson = "/courses/review-mechanism/02-groups-and-pairing";
    for (const [client, path] of [
      [visitor, "/courses/review-mechanism/01-what-is-the-review-mechanism"],
      [visitor, "/courses/review-mechanism/01-what-is-the-review-mechanism.data"],
      [visitor, "/fr/courses/review-mechanism/01-what-is-the-review-mechanism.data"],
      [member, lesson],
      [member, `${lesson}.data`],
      [member, "/courses/review-mechanism/print"],
      [member, "/courses/review-mechanism/print.data"],
    ] as const) {
      const response = await client.get(path);
      expect(response.status, path).toBe(200);
      expectNoAnswerKey(response);
    }
    // Remix's legacy ?_data endpoint answers single-fetch apps with an error, whatever the route: it must not leak either.
    expectNoAnswerKey(await member.get(`${lesson}?_data=${encodeURIComponent("routes/($lang).courses.$course.$lesson")}`));
    // The questions are on the page, so this is the real lesson, not an empty shell.
    expect((await member.get(lesson)).text).toContain("When did group 1 start its country reviews?");

    const buildDir = path.resolve("public/build");
    const files = readdirSync(buildDir, { recursive: true }).map(String).filter((file) => file.endsWith(".js"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(path.join(buildDir, file), "utf8");
      expect(source, file).not.toContain("When did group 1 start its country reviews?");
      expect(source, file).not.toMatch(/correct:!0|correct:true|correct=\{/);
    }
  });
});

describe("enrollment, progress and quizzes", () => {
  it("enrolls a member, stores progress per lesson and keeps 'complete' idempotent", async () => {
    const { client, email } = await signUpMember();
    const id = await userId(email);
    expect((await client.post("/courses/review-mechanism", { intent: "enroll" })).status).toBe(302);
    expect((await client.post("/courses/review-mechanism", { intent: "enroll" })).status).toBe(302);
    expect(visibleText((await client.get("/courses/review-mechanism")).text)).toContain(en.course.enrolled);

    const url = "/courses/review-mechanism/04-initial-consultation-and-languages";
    for (let i = 0; i < 3; i++) expect((await client.post(url, { intent: "complete" })).status).toBe(302);
    const rows = await getDb().selectFrom("lesson_progress").selectAll().where("user_id", "=", id).execute();
    expect(rows.map((row) => row.lesson_slug)).toEqual(["04-initial-consultation-and-languages"]);
    const page = visibleText((await client.get(url)).text);
    expect(page).toContain(en.lesson.completed);
    expect(page).toContain("1 of 6 lessons complete");

    // A lesson with a quiz completes when the quiz is passed, not by the button.
    const withQuiz = await client.post("/courses/review-mechanism/02-groups-and-pairing", { intent: "complete" });
    expect(withQuiz.status).toBe(400);
    expect(visibleText(withQuiz.text)).toContain(en.lesson.quizFirst);
    const unknownIntent = await client.post(url, { intent: "delete-everything" });
    expect(unknownIntent.status).toBe(400);
    expect(visibleText(unknownIntent.text)).toContain(en.errors.unknownIntent);
  });

  it("grades a failed and a passed attempt on the server, with feedback per question", async () => {
    const { client, email } = await signUpMember();
    const id = await userId(email);
    const url = "/courses/review-mechanism/02-groups-and-pairing";
    const failed = await client.post(url, await answers("review-mechanism", "02-groups-and-pairing", "groups-quiz", false));
    expect(failed.status).toBe(302);
    expect(failed.location).toBe(`${url}#quiz-groups-quiz`);
    const afterFail = visibleText((await client.get(url)).text);
    expect(afterFail).toContain("You scored 0%; the pass mark is 70%.");
    expect(afterFail).toContain(en.quiz.wrong);
    expect(afterFail).not.toContain(en.lesson.completed);

    // A wait between attempts (Moodle's enforced delay): an immediate retry is refused and not stored,
    // so a quiz cannot be passed by elimination from the per-question feedback.
    const tooSoon = await client.post(url, await answers("review-mechanism", "02-groups-and-pairing", "groups-quiz", true));
    expect(tooSoon.status).toBe(429);
    expect(visibleText(tooSoon.text)).toContain(en.quiz.errors.wait.replace("{{minutes}}", "10"));
    expect(await getDb().selectFrom("quiz_attempt").select("id").where("user_id", "=", id).execute()).toHaveLength(1);
    // Ten minutes later (the course's retryDelayMinutes), it may try again.
    await sql`update quiz_attempt set created_at = now() - interval '10 minutes 1 second' where user_id = ${id}`.execute(getDb());

    expect((await client.post(url, await answers("review-mechanism", "02-groups-and-pairing", "groups-quiz", true))).status).toBe(302);
    const afterPass = visibleText((await client.get(url)).text);
    expect(afterPass).toContain("You passed with 100% (pass mark 70%).");
    expect(afterPass).toContain(en.quiz.right);
    expect(afterPass).toContain(en.lesson.completed);

    const attempts = await getDb().selectFrom("quiz_attempt").select(["score", "passed", "correct_count", "question_count"]).where("user_id", "=", id).orderBy("id").execute();
    expect(attempts).toEqual([
      { score: 0, passed: false, correct_count: 0, question_count: 4 },
      { score: 100, passed: true, correct_count: 4, question_count: 4 },
    ]);
  });

  it("refuses missing, extra and forged answers with a message and stores nothing", async () => {
    const { client, email } = await signUpMember();
    const id = await userId(email);
    const url = "/courses/review-mechanism/02-groups-and-pairing";
    const right = await answers("review-mechanism", "02-groups-and-pairing", "groups-quiz", true);
    const { "q.q4": _dropped, ...missing } = right;
    const cases: Array<[Record<string, string | string[]>, string]> = [
      [missing, en.quiz.errors.missing],
      [{ ...right, "q.q9": "a" }, en.quiz.errors.forged],
      [{ ...right, admin: "1" }, en.quiz.errors.forged],
      [{ ...right, "q.q1": "z" }, en.quiz.errors.forged],
      [{ ...right, "q.q1": ["a", "b"] }, en.quiz.errors.forged],
      [{ ...right, "q.q4": ["a", "a"] }, en.quiz.errors.forged],
      [{ ...right, quizId: "not-in-this-lesson" }, en.quiz.errors.unknownQuiz],
      [{ ...right, quizId: "<script>" }, en.quiz.errors.unknownQuiz],
    ];
    for (const [fields, message] of cases) {
      const response = await client.post(url, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      expect(visibleText(response.text)).toContain(message);
    }
    const french = await client.post(`/fr${url}`, missing);
    expect(visibleText(french.text)).toContain(fr.quiz.errors.missing);
    expect(await getDb().selectFrom("quiz_attempt").select("id").where("user_id", "=", id).execute()).toEqual([]);
  });
});

describe("certificates", () => {
  it("issues one certificate when every lesson is complete and every quiz passed", async () => {
    const { client, email } = await signUpMember({ displayName: "Grace Njeri" });
    const id = await userId(email);
    const requirements = await finishCourse(client, "review-mechanism");
    // Doing it all again changes nothing.
    await finishCourse(client, "review-mechanism");
    const certificates = await getDb().selectFrom("certificate").selectAll().where("user_id", "=", id).execute();
    expect(certificates).toHaveLength(1);
    expect(certificates[0]!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(certificates[0]!.holder_name).toBe("Grace Njeri");
    const progress = await getDb().selectFrom("lesson_progress").select("lesson_slug").where("user_id", "=", id).execute();
    expect(progress).toHaveLength(requirements.lessonSlugs.length);
    const enrollment = await getDb().selectFrom("course_enrollment").select("completed_at").where("user_id", "=", id).executeTakeFirstOrThrow();
    expect(enrollment.completed_at).not.toBeNull();

    const code = certificates[0]!.code;
    const mine = visibleText((await client.get("/account/learning")).text);
    expect(mine).toContain("The UNTOC review mechanism: how country reviews work");
    expect(mine).toContain(code);

    // The public page: holder's display name, course and date, nothing else about the person.
    const visitor = new TestClient();
    const page = await visitor.get(`/certificates/${code.toLowerCase()}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(en.certificate.valid);
    expect(text).toContain("Grace Njeri");
    expect(text).toContain("The UNTOC review mechanism: how country reviews work");
    expect(text).toContain(String(new Date().getUTCFullYear()));
    expect(page.text).not.toContain(email);
    expect(page.text).not.toContain("Test NGO");
    expect(page.text).not.toContain(id);
    expect((await visitor.get(`/certificates/${code}.data`)).text).not.toContain(id);
    expect((await visitor.get("/certificates/AAAA-BBBB-CCCC")).status).toBe(404);
    expect((await visitor.get("/certificates/not-a-code")).status).toBe(404);

    // The PDF: for the holder only.
    const pdf = await client.get(`/certificates/${code}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.text.startsWith("%PDF-")).toBe(true);
    const { client: other } = await signUpMember();
    expect((await other.get(`/certificates/${code}/pdf`)).status).toBe(404);
    expect((await visitor.get(`/certificates/${code}/pdf`)).status).toBe(302);
  });

  it("takes a French member through a course without JavaScript, to a French certificate that verifies", async () => {
    const client = new TestClient();
    client.acceptLanguage = "fr";
    const { email } = await signUpMember({ displayName: "Amina Diallo" }, client);
    const id = await userId(email);
    const lessonPage = visibleText((await client.get("/fr/courses/stakeholder-engagement/01-who-are-non-governmental-stakeholders")).text);
    expect(lessonPage).toContain(fr.quiz.title);
    expect(lessonPage).toContain(fr.status.reviewed);
    await finishCourse(client, "stakeholder-engagement", "/fr");
    const certificate = await getDb().selectFrom("certificate").select("code").where("user_id", "=", id).executeTakeFirstOrThrow();
    const last = visibleText((await client.get("/fr/courses/stakeholder-engagement/06-resources-hub-and-follow-up")).text);
    expect(last).toContain(fr.lesson.courseCompleted);

    const pdf = await client.get(`/fr/certificates/${certificate.code}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toContain(certificate.code);
    const verification = visibleText((await new TestClient().get(`/fr/certificates/${certificate.code}`)).text);
    expect(verification).toContain(fr.certificate.valid);
    expect(verification).toContain("Amina Diallo");
    expect(verification).toContain("Participer à l'examen : un cours pour les parties prenantes non gouvernementales");
  });
});

describe("offline copies, statistics and the search hook", () => {
  it("offers the course as one printable page and as a PDF to signed-in learners", async () => {
    const { client } = await signUpMember();
    const print = await client.get("/es/courses/cluster-one/print");
    expect(print.status).toBe(200);
    const text = visibleText(print.text);
    expect(text).toContain("Responsabilidad de las personas jurídicas y jurisdicción");
    expect(text).toContain(strings("es").offline.quiz);
    const pdf = await client.get("/ar/courses/stakeholder-engagement/pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await new TestClient().get("/courses/cluster-one/pdf")).status).toBe(302);
    expect((await client.get("/courses/nothing-here/print")).status).toBe(404);
  });

  it("lays out each course PDF once, however many learners download it at the same time", async () => {
    const { getCourseForOffline } = await import("./lessons.server");
    const { getCoursePdf } = await import("./course-pdf.server");
    // The first lesson only: laying out whole courses here would slow the other test files down.
    const firstLesson = async (locale: "ru" | "fr") => {
      const course = (await getCourseForOffline("cluster-one", locale))!;
      return { ...course, lessons: course.lessons.slice(0, 1) };
    };
    const russian = await firstLesson("ru");
    const [first, second] = await Promise.all([getCoursePdf(russian, "ru"), getCoursePdf(russian, "ru")]);
    expect(second).toBe(first);
    expect(await getCoursePdf(await firstLesson("ru"), "ru")).toBe(first);
    expect(Buffer.from(first.slice(0, 5)).toString()).toBe("%PDF-");
    // Another language is another document.
    expect(await getCoursePdf(await firstLesson("fr"), "fr")).not.toBe(first);
  });

  it("shows the secretariat learners, completions and breakdowns, with a CSV export", async () => {
    const { client } = await signUpMember({ country: "BRA", organizationKind: "academia" });
    await client.post("/courses/cluster-one", { intent: "enroll" });
    const secretariat = await signInAs(DEMO.secretariat.email, DEMO.secretariat.password);
    const page = await secretariat.get("/admin/learning");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(en.admin.completionRate);
    expect(text).toContain("Brazil");
    expect(text).toContain("Academic institution");
    const csv = await secretariat.get("/admin/learning.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toBe("section,course,course_title,group,group_label,learners,completed,completion_rate_percent,median_days_to_complete");
    expect(lines.some((line) => line.startsWith("country,cluster-one,") && line.includes(",BRA,Brazil,"))).toBe(true);
    expect(lines.some((line) => line.startsWith("course,review-mechanism,"))).toBe(true);
    const member = await signInAs(DEMO.member.email, DEMO.member.password);
    expect((await member.get("/admin/learning")).status).toBe(403);
    expect((await member.get("/admin/learning.csv")).status).toBe(403);
  });

  it("exposes courses and lessons as plain-text search documents without answer keys", async () => {
    const documents = await listCourseSearchDocuments();
    const courses = documents.filter((document) => document.kind === "course");
    const lessons = documents.filter((document) => document.kind === "lesson");
    expect(courses).toHaveLength(21);
    const lessonFiles = readdirSync("content/courses", { recursive: true }).map(String).filter((file) => file.endsWith(".mdx"));
    expect(lessons).toHaveLength(lessonFiles.length);
    const groups = lessons.find((document) => document.id === "lesson:review-mechanism/02-groups-and-pairing:fr")!;
    expect(groups.path).toBe("/courses/review-mechanism/02-groups-and-pairing");
    expect(groups.type).toBe("lesson");
    expect(groups.clusters).toContain("I");
    expect(groups.body).toContain("tirage au sort");
    for (const document of documents) {
      expect(document.body).not.toMatch(/<[A-Z][a-zA-Z]*|\*\*/);
      expect(document.country).toBeNull();
    }
    const forSaq = await listCoursesByTags({ stages: ["saq"], locale: "fr" });
    expect(forSaq.map((course) => course.slug)).toContain("cluster-one");
    expect((await listCoursesByTags({ clusters: ["III"], locale: "en" })).map((course) => course.slug)).toEqual(["review-mechanism"]);
  });
});
