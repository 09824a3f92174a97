// Small enhancements of server-rendered pages; each works without the others and the page
// works without all of them.

// Listing filters show what the results were filtered by, even after the Back button: the
// browser would otherwise restore the choices made just before leaving the page.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form.filters").forEach((form) => form.reset());
});

// Wide tables say that they scroll sideways when they do.
const markScrollable = () => {
  document.querySelectorAll(".table-scroll").forEach((box) => {
    box.classList.toggle("is-scrollable", box.scrollWidth > box.clientWidth + 1);
  });
};
window.addEventListener("load", markScrollable);
window.addEventListener("resize", markScrollable);

// "Copy link" in share lists: shown only where the browser can copy, and says when it has.
document.querySelectorAll("[data-copy-link]").forEach((button) => {
  if (!navigator.clipboard) return;
  button.hidden = false;
  const status = button.parentElement.querySelector(".share__status");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink);
      status.textContent = "Link copied.";
    } catch {
      status.textContent = "The link could not be copied; copy it from the address bar.";
    }
  });
});
