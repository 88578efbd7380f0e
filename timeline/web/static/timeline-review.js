// Review controls: j/k move through the items, a accepts, c corrects, r rejects; on a
// source page a selection in the article becomes the current quote's new span.
(function () {
  "use strict";
  const items = Array.from(document.querySelectorAll(".rv-item"));
  if (!items.length) return;
  let current = -1;

  function highlight(item) {
    document.querySelectorAll("mark.rv-highlight").forEach((m) => m.classList.remove("rv-highlight"));
    const key = item.dataset.key;
    if (!key) return;
    let first = null;
    document.querySelectorAll(".tl-article mark[data-spans]").forEach((mark) => {
      if (mark.dataset.spans.split(" ").includes(key)) {
        mark.classList.add("rv-highlight");
        first = first || mark;
      }
    });
    if (first) first.scrollIntoView({ block: "center" });
  }

  function select(index) {
    if (index < 0 || index >= items.length) return;
    if (current >= 0) items[current].classList.remove("rv-current");
    current = index;
    const item = items[current];
    item.classList.add("rv-current");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
    highlight(item);
  }

  items.forEach((item, index) => item.addEventListener("focusin", () => {
    if (current !== index) select(index);
  }));
  // Coming back from a decision (#review-quote-...): start at that item, else the first.
  const target = location.hash && document.getElementById(location.hash.slice(1));
  select(Math.max(0, items.indexOf(target)));

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, select, textarea")) return;
    const item = items[current];
    const key = event.key;
    if (key === "j") select(current + 1);
    else if (key === "k") select(current - 1);
    else if ((key === "Enter" || key === "o") && item && item.dataset.href) location.href = item.dataset.href;
    else if (key === "a" && item) { const f = item.querySelector("form.rv-accept"); if (f) f.requestSubmit(); }
    else if (key === "r" && item) { const i = item.querySelector("form.rv-reject input[name=reason]"); if (i) i.focus(); }
    else if (key === "c" && item) { const i = item.querySelector("form.rv-correct input, form.rv-merge input[name=into]"); if (i) i.focus(); }
    else return;
    event.preventDefault();
  });

  // A selection in the article, in the database's unit: code points of the source text
  // (the markers Q1, E2 drawn before each span are not part of it).
  const article = document.querySelector(".tl-article");
  if (!article) return;
  function offsetOf(node, offset) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let total = 0;
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (text.parentElement.closest("a.marker")) continue;
      if (text === node) return total + Array.from(text.data.slice(0, offset)).length;
      total += Array.from(text.data).length;
    }
    return null;
  }
  article.addEventListener("mouseup", () => {
    const item = items[current];
    const selection = window.getSelection();
    if (!item || item.dataset.kind !== "quote" || !selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    const text = selectedText(start, end);
    item.querySelector(".rv-span-text").value = text;
    item.querySelector(".rv-span-start").value = String(start);
    item.querySelector(".rv-span-note").textContent = `new span: “${text}” (at ${start}); save to keep it`;
  });
  function selectedText(start, end) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let all = "";
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!text.parentElement.closest("a.marker")) all += text.data;
    }
    return Array.from(all).slice(start, end).join("");
  }
})();
