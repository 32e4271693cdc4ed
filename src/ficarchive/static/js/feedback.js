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

  // The reader's place: which chapter is under the reading line (a third down the screen)
  // and how far into it, saved as they read. A chapter page holds one chapter, a one-shot or
  // the whole work all of them, each a div[data-chapter-id].
  const actions = document.getElementById("feedback-actions");
  const chapters = Array.from(document.querySelectorAll("[data-chapter-id]"));

  function readingLine() { return window.innerHeight / 3; }

  function chapterInView() {
    let current = chapters[0];
    for (const box of chapters) {
      if (box.getBoundingClientRect().top <= readingLine()) current = box;
    }
    return current;
  }

  function fractionRead(box) {
    const rect = box.getBoundingClientRect();
    return Math.min(Math.max((readingLine() - rect.top) / Math.max(rect.height, 1), 0), 1);
  }

  function scrollToFraction(box, fraction) {
    const rect = box.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + rect.top + fraction * rect.height - readingLine());
  }

  if (actions && actions.dataset.positionUrl && chapters.length) {
    let timer = null;
    let last = "";
    const save = function () {
      timer = null;
      const box = chapterInView();
      const fraction = fractionRead(box);
      const place = box.dataset.chapterId + ":" + fraction.toFixed(2);
      if (place === last) return;
      last = place;
      const body = new FormData();
      body.append("csrfmiddlewaretoken", csrfToken());
      body.append("work", actions.dataset.work);
      body.append("chapter", box.dataset.chapterId);
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

  // "Continue where you left off": when the chapter it names is on this page, scroll there.
  const resume = document.querySelector("a.js-resume");
  const target = resume && chapters.find(function (box) {
    return box.dataset.chapterId === resume.dataset.chapter;
  });
  if (target) {
    const go = function () { scrollToFraction(target, parseFloat(resume.dataset.fraction)); };
    resume.addEventListener("click", function (event) { event.preventDefault(); go(); });
    if (window.location.hash === "#resume") window.addEventListener("load", go);
  }
})();
