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
    button.textContent = "Copied";
  });
}
