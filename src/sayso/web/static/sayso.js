// sayso reader: link each highlighted span to its entry in the side panel, both ways.
// Everything also works without this file (the panel's links are plain #anchors).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");
  if (!text) return;
  const marks = (id) => text.querySelectorAll("mark[data-att~='" + CSS.escape(id) + "']");
  let current = null;
  const select = (id, scroll) => {
    document.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
    current = id;
    if (!id) return;
    marks(id).forEach((el) => el.classList.add("active"));
    const item = document.getElementById("claim-" + id);
    if (item) item.classList.add("active");
    if (scroll) {
      const anchor = document.getElementById("att-" + id);
      if (anchor) anchor.scrollIntoView({ behavior: "smooth", block: "center" });
    }
  };
  document.querySelectorAll(".panel a.jump").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const id = link.dataset.att;
      history.replaceState(null, "", "#att-" + id);
      select(id, true);
    });
  });
  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-att]");
    if (!mark) return select(null, false);
    const ids = mark.dataset.att.split(" ");
    const next = ids[(ids.indexOf(current) + 1) % ids.length];  // nested claims: click cycles
    select(next, false);
    const item = document.getElementById("claim-" + next);
    if (item) item.scrollIntoView({ behavior: "smooth", block: "nearest" });
  });
  const hash = location.hash.match(/^#att-(.+)$/);
  if (hash) select(decodeURIComponent(hash[1]), false);
});
