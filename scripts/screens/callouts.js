// Draws the numbered callouts: an outline around every [data-callout] element and a
// numbered circle joined to it by a short line. Run once after layout (render_screens.py).
(() => {
  const canvas = document.getElementById("canvas");
  const origin = canvas.getBoundingClientRect();
  const GAP = 4;      // outline distance from the target
  const LEAD = 12;    // length of the line between outline and circle
  const RADIUS = 15;  // circle radius (matches .co-badge)

  const add = (cls, style, text = "") => {
    const node = document.createElement("div");
    node.className = cls;
    Object.assign(node.style, style);
    node.textContent = text;
    canvas.appendChild(node);
  };
  const px = (n) => `${Math.round(n)}px`;

  // Auto side: wide targets get the circle inside their right end; small ones point
  // towards the middle of their screen so the circle never leaves the picture.
  const autoSide = (el, box) => {
    const host = el.closest(".screen, .win") || canvas;
    const hr = host.getBoundingClientRect();
    if (box.w > 0.6 * hr.width) return "inset";
    const hostCenter = hr.left - origin.left + hr.width / 2;
    return box.l + box.w / 2 > hostCenter ? "left" : "right";
  };

  // Full-width targets would push the outline onto the phone bezel or window border.
  const clampToHost = (el, box) => {
    const host = el.closest(".screen, .win");
    if (!host) return;
    const hr = host.getBoundingClientRect();
    const left = Math.max(box.l, hr.left - origin.left + 3);
    const right = Math.min(box.l + box.w, hr.right - origin.left - 3);
    box.l = left;
    box.w = right - left;
  };

  for (const el of document.querySelectorAll("[data-callout]")) {
    const r = el.getBoundingClientRect();
    const box = { l: r.left - origin.left - GAP, t: r.top - origin.top - GAP, w: r.width + 2 * GAP, h: r.height + 2 * GAP };
    clampToHost(el, box);
    const round = Math.abs(box.w - box.h) < 8 && box.w < 90; // icons get a circle
    add("co-outline", {
      left: px(box.l), top: px(box.t), width: px(box.w), height: px(box.h),
      borderRadius: round ? "50%" : "10px",
    });
    let side = el.dataset.side || "auto";
    if (side === "auto") side = autoSide(el, box);
    const midX = box.l + box.w / 2;
    const midY = box.t + box.h / 2;
    let cx; let cy;
    if (side === "left") {
      cx = box.l - LEAD - RADIUS; cy = midY;
      add("co-line", { left: px(box.l - LEAD), top: px(midY - 1.5), width: px(LEAD), height: "3px" });
    } else if (side === "right") {
      cx = box.l + box.w + LEAD + RADIUS; cy = midY;
      add("co-line", { left: px(box.l + box.w), top: px(midY - 1.5), width: px(LEAD), height: "3px" });
    } else if (side === "top") {
      cx = midX; cy = box.t - LEAD - RADIUS;
      add("co-line", { left: px(midX - 1.5), top: px(box.t - LEAD), width: "3px", height: px(LEAD) });
    } else if (side === "bottom") {
      cx = midX; cy = box.t + box.h + LEAD + RADIUS;
      add("co-line", { left: px(midX - 1.5), top: px(box.t + box.h), width: "3px", height: px(LEAD) });
    } else { // inset: inside the outline, at its right end
      cx = box.l + box.w - RADIUS - 10; cy = midY;
    }
    add("co-badge", { left: px(cx - RADIUS), top: px(cy - RADIUS) }, el.dataset.callout);
  }
})();
