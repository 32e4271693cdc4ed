// Passkey ceremonies (accounts/passkeys.py). Only these need JavaScript: every other part of
// the sign-in and security pages is a plain form. A button with data-passkey="register" or
// "sign-in" is shown only when the browser can do WebAuthn; its data-options and data-finish
// name the two requests; messages go to the element named by data-status.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
    return;
  }

  function csrfToken() {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: body === undefined ? "{}" : JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { throw new Error(data.error || "The server refused the passkey."); }
        return data;
      });
    });
  }

  function say(button, text) {
    var status = document.getElementById(button.dataset.status);
    if (status) { status.textContent = text; }
  }

  function register(button) {
    var nameField = document.getElementById(button.dataset.nameField);
    return post(button.dataset.options).then(function (options) {
      return navigator.credentials.create({
        publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
      });
    }).then(function (credential) {
      return post(button.dataset.finish, {
        credential: credential.toJSON(), name: nameField ? nameField.value : "",
      });
    });
  }

  function signIn(button) {
    return post(button.dataset.options).then(function (options) {
      return navigator.credentials.get({
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
      });
    }).then(function (credential) {
      return post(button.dataset.finish, { credential: credential.toJSON() });
    });
  }

  document.querySelectorAll("[data-passkey]").forEach(function (button) {
    button.hidden = false;
    var wrapper = button.closest("[data-passkey-part]");
    if (wrapper) { wrapper.hidden = false; }
    button.addEventListener("click", function (event) {
      event.preventDefault();
      button.disabled = true;
      say(button, "Waiting for your passkey…");
      var ceremony = button.dataset.passkey === "register" ? register : signIn;
      ceremony(button).then(function (data) {
        say(button, "Done.");
        window.location.assign(data.redirect || "/");
      }).catch(function (error) {
        button.disabled = false;
        say(button, error && error.name === "NotAllowedError"
          ? "The passkey request was cancelled or timed out."
          : (error && error.message) || "The passkey did not work.");
      });
    });
  });
})();
