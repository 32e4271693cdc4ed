// Feedback on work pages: kudos without a reload, and the reader's place in a chapter.
// Every action also works without this file (plain forms and links).
(function () {
  "use strict";

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Kudos: post with fetch, then put the new list in place.
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.matches || !form.matches("form.js-kudos")) return;
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
      credentials: "same-origin",
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        const list = document.getElementById("kudos");
        if (data.html && list) list.outerHTML = data.html;
        button.textContent = data.ok ? "Kudos left ♥" : button.textContent;
        const note = document.createElement("p");
        note.className = "message " + (data.ok ? "success" : "error");
        note.setAttribute("role", "status");
        note.textContent = data.message;
        form.closest(".feedback-actions").prepend(note);
      })
      .catch(function () { form.submit(); });
  });

  // The reader's place: a fraction of the chapter text, saved as they read.
  const actions = document.getElementById("feedback-actions");
  const text = document.getElementById("chapters") || document.querySelector("main");

  function fractionRead() {
    const box = text.getBoundingClientRect();
    const seen = window.innerHeight / 3 - box.top;
    return Math.min(Math.max(seen / Math.max(box.height, 1), 0), 1);
  }

  function scrollToFraction(fraction) {
    const box = text.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + box.top + fraction * box.height - window.innerHeight / 3);
  }

  if (actions && actions.dataset.positionUrl) {
    let timer = null;
    let last = -1;
    const save = function () {
      timer = null;
      const fraction = fractionRead();
      if (Math.abs(fraction - last) < 0.01) return;
      last = fraction;
      const body = new FormData();
      body.append("csrfmiddlewaretoken", csrfToken());
      body.append("work", actions.dataset.work);
      body.append("chapter", actions.dataset.chapter);
      body.append("fraction", fraction.toFixed(4));
      if (document.visibilityState === "hidden" && navigator.sendBeacon) {
        navigator.sendBeacon(actions.dataset.positionUrl, body);
      } else {
        fetch(actions.dataset.positionUrl, { method: "POST", body: body, credentials: "same-origin" });
      }
    };
    window.addEventListener("scroll", function () {
      if (!timer) timer = window.setTimeout(save, 1500);
    }, { passive: true });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save();
    });
  }

  // "Continue where you left off": on the chapter it names, scroll there.
  const resume = document.querySelector("a.js-resume");
  if (resume && actions && resume.dataset.chapter === actions.dataset.chapter) {
    const go = function () { scrollToFraction(parseFloat(resume.dataset.fraction)); };
    resume.addEventListener("click", function (event) { event.preventDefault(); go(); });
    if (window.location.hash === "#resume") window.addEventListener("load", go);
  }
})();
