/* Material's inline script after the content, as a file: a link to a content tab's input
   (#__tabbed_1_2) selects that tab. Runs where Material ran it, right after the content. */
(() => {
  const target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
