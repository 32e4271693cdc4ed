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
