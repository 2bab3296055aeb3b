/* Plural forms for strings that show a count, by the page language's CLDR rules.
   The UI catalog gives one text per plural category the language uses ({one, other} in English,
   six in Arabic); the browser's Intl.PluralRules picks the category. Loaded before the scripts
   that use it (exercises.js, agenda.js). No network, no storage. */
(function () {
  "use strict";

  var rules = null;
  try {
    rules = new Intl.PluralRules(document.documentElement.lang || undefined);
  } catch (e) {
    rules = null; // no Intl, or an unknown language tag: every count takes the "other" form
  }

  /* forms: {"one": "{count} minute", "other": "{count} minutes"} (or a plain string);
     values: more {name} placeholders to fill, e.g. {done: 2}. */
  window.curriculumPlural = function (forms, count, values) {
    var text = forms;
    if (forms && typeof forms === "object") {
      var category = rules ? rules.select(count) : "other";
      text = forms[category] || forms.other || "";
    }
    var all = Object.assign({ count: count }, values || {});
    return String(text || "").replace(/\{(\w+)\}/g, function (match, name) {
      return Object.prototype.hasOwnProperty.call(all, name) ? String(all[name]) : match;
    });
  };
})();
