import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getCourseEntry, getCourseRequirements, getQuizForGrading } from "~/modules/courses/lessons.server";
import { uniqueEmail } from "../factories";
import { auditPage, useBrowser } from "./browser";

const appUrl = () => process.env.APP_URL!;

const browser = useBrowser();

describe("a learner in a real browser", () => {
  it("enrolls, finishes a course, passes its quizzes and downloads the certificate", async () => {
    const context = await browser().newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${appUrl()}/sign-up`);
    await page.getByLabel("Email address").fill(uniqueEmail("learner"));
    await page.getByLabel("Password").fill("a long enough passphrase");
    await page.getByLabel("Your name").fill("Browser Learner");
    await page.getByLabel("Organization", { exact: true }).fill("E2E NGO");
    await page.getByLabel("Kind of organization").selectOption("ngo");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/account$/);

    await page.goto(`${appUrl()}/courses`);
    await page.getByRole("link", { name: "The UNTOC review mechanism: how country reviews work" }).click();
    await page.getByRole("button", { name: "Enroll in this course" }).click();
    await page.getByText("You are enrolled in this course.").waitFor();

    const course = (await getCourseEntry("review-mechanism"))!;
    const requirements = await getCourseRequirements(course);
    for (const lessonSlug of requirements.lessonSlugs) {
      await page.goto(`${appUrl()}/courses/review-mechanism/${lessonSlug}`);
      const quizzes = requirements.quizzes.filter((quiz) => quiz.lessonSlug === lessonSlug);
      for (const { quizId } of quizzes) {
        const quiz = (await getQuizForGrading(course, lessonSlug, quizId))!;
        for (const question of quiz.questions) {
          for (const optionId of quiz.key[question.id]!) await page.locator(`#quiz-${quizId}-${question.id}-${optionId}`).check();
        }
        await page.locator(`#quiz-${quizId}`).getByRole("button", { name: "Submit my answers" }).click();
        await page.getByText("You passed with 100% (pass mark 70%).").waitFor();
      }
      if (quizzes.length === 0) {
        await page.getByRole("button", { name: "Mark this lesson complete" }).click();
      }
      await page.getByText("You have completed this lesson.").waitFor();
    }
    await page.getByText("Congratulations: you have completed the course and your certificate is ready.").waitFor();

    await page.goto(`${appUrl()}/account/learning`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download (PDF)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^certificate-review-mechanism-[0-9A-Z-]+\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    await page.getByRole("link", { name: "Public verification page" }).click();
    await page.getByText("This certificate is authentic.").waitFor();
    expect(await page.getByText("Browser Learner").count()).toBe(1);
    await context.close();
  });
});

describe("accessibility of the learning pages (axe-core, WCAG 2.2 AA)", () => {
  for (const path of ["/courses", "/courses/review-mechanism", "/courses/review-mechanism/01-what-is-the-review-mechanism", "/ar/courses/stakeholder-engagement/01-who-are-non-governmental-stakeholders"]) {
    it(`has no violations on ${path}`, async () => {
      expect(await auditPage(browser(), path)).toEqual([]);
    });
  }
});
