// Marks the page as JavaScript-enabled before it paints, so GOV.UK Frontend components style themselves.
// An external file (not inline) so the Content Security Policy can forbid inline script.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
