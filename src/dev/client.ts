// The script that the dev server adds to each page: it listens for rebuilds and swaps the new page in
// without reloading, or shows the build's error over the page until it is fixed.

export const CLIENT_PATH = "/_plotbrief/live.js";

export const CLIENT = `(() => {
  const report = document.documentElement.dataset.plotbriefReport;
  const events = new EventSource("/_plotbrief/events?report=" + encodeURIComponent(report));
  const overlay = () => {
    let box = document.getElementById("plotbrief-error");
    if (!box) {
      box = document.createElement("pre");
      box.id = "plotbrief-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;margin:0;padding:1rem;background:#fff0f0;color:#7a0000;border:2px solid #b00;font:14px/1.4 monospace;white-space:pre-wrap;z-index:9999;max-height:50vh;overflow:auto";
      document.body.append(box);
    }
    return box;
  };
  events.addEventListener("update", async () => {
    const response = await fetch(location.pathname, { cache: "no-store" });
    const next = new DOMParser().parseFromString(await response.text(), "text/html");
    const style = document.head.querySelector("style");
    const nextStyle = next.head.querySelector("style");
    if (style && nextStyle && style.textContent !== nextStyle.textContent) style.textContent = nextStyle.textContent;
    document.title = next.title;
    document.body.replaceWith(document.adoptNode(next.body));
    document.documentElement.dataset.plotbriefVersion = next.documentElement.dataset.plotbriefVersion || "";
  });
  events.addEventListener("failed", (event) => {
    overlay().textContent = JSON.parse(event.data).message;
  });
})();
`;
