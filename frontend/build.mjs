// Builds our static CSS and copies GOV.UK Frontend's JavaScript into lookout/static.
// Run by `make static` (part of `make demo` and `make test`). Nothing here is fetched at run time.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";

const out = "lookout/static/lookout";
const govuk = "node_modules/govuk-frontend/dist/govuk";
mkdirSync(`${out}/css`, { recursive: true });
mkdirSync(`${out}/js`, { recursive: true });

const css = compile("frontend/lookout.scss", {
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(`${out}/css/lookout.css`, css.css);
// The independent service's own look (lookout.settings.independent): a separate entry, same components.
const charity = compile("frontend/independent.scss", {
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(`${out}/css/independent.css`, charity.css);
copyFileSync(`${govuk}/govuk-frontend.min.js`, `${out}/js/govuk-frontend.min.js`);
console.log(`built ${out}/css/lookout.css (${css.css.length} bytes), independent.css (${charity.css.length} bytes)`);
