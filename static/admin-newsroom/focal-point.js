"use strict";
// Click the picture on an image's change page to fill in its focal point (0–1 from the left and top).
document.addEventListener("DOMContentLoaded", () => {
  const picture = document.querySelector(".desk-preview");
  const x = document.getElementById("id_focal_x");
  const y = document.getElementById("id_focal_y");
  if (!picture || !x || !y) return;
  const wrap = document.createElement("span");
  wrap.className = "desk-focal-wrap";
  picture.replaceWith(wrap);
  wrap.append(picture);
  const dot = document.createElement("span");
  dot.className = "desk-focal-dot";
  const show = () => {
    if (x.value === "" || y.value === "") { dot.remove(); return; }
    dot.style.left = `${x.value * 100}%`;
    dot.style.top = `${y.value * 100}%`;
    wrap.append(dot);
  };
  picture.addEventListener("click", (event) => {
    const box = picture.getBoundingClientRect();
    x.value = ((event.clientX - box.left) / box.width).toFixed(3);
    y.value = ((event.clientY - box.top) / box.height).toFixed(3);
    show();
  });
  x.addEventListener("input", show);
  y.addEventListener("input", show);
  show();
});
