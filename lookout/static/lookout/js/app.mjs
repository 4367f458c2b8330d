// Progressive enhancement only: every page works without this file.
import { initAll } from "./govuk-frontend.min.js";

initAll();

for (const button of document.querySelectorAll("[data-lk-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
for (const button of document.querySelectorAll("[data-lk-copy]")) {
  const target = document.getElementById(button.dataset.lkCopy);
  if (!target || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    await navigator.clipboard.writeText(target.textContent.trim());
    button.textContent = button.dataset.lkCopied || "Copied";
  });
}

// Reporter safety (docs/adr/0035-reporter-safety-history.md): a person may be reporting someone they live with.
// Each step of a report journey names its start page; this step's history entry takes that URL, so Back and the
// browser's history show only the start page (its title is already neutral, set by the server). The step's
// own forms post to explicit actions, so they do not follow the changed URL.
const journey = document.querySelector("[data-lk-history-url]");
if (journey) {
  history.replaceState(null, "", journey.dataset.lkHistoryUrl);
}
