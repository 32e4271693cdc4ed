// Small enhancements; every page works without this file.
document.documentElement.classList.add("js");
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches && el.matches(".js-autosubmit")) el.form.submit();
});
document.addEventListener("click", (event) => {
  const el = event.target.closest && event.target.closest("[data-confirm]");
  if (el && !window.confirm(el.dataset.confirm)) event.preventDefault();
});
// Browsers that cannot style ::details-content: open the filters on a wide screen.
if (!CSS.supports("selector(::details-content)") && window.matchMedia("(min-width: 56rem)").matches) {
  document.querySelectorAll("details.filters-fold").forEach((details) => { details.open = true; });
}
