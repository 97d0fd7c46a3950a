// The roster on a phone with a poor connection: the marks are kept on the phone until the
// server has them. Each roster carries a key of its own, so a roster sent twice (the
// answer was lost, the phone tried again) is counted once by the server.
(function () {
  "use strict";
  var STORE = "sanad-rosters";

  function pending() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  }
  function keep(all) { localStorage.setItem(STORE, JSON.stringify(all)); }

  // A roster is the list of [name, value] pairs of its form, sent to the page it came from.
  function send(key, roster) {
    var body = new URLSearchParams();
    roster.pairs.forEach(function (pair) { body.append(pair[0], pair[1]); });
    return fetch(roster.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": body.get("csrfmiddlewaretoken") }
    }).then(function (response) {
      if (!response.ok && response.status !== 400) { throw new Error("server " + response.status); }
      var all = pending(); delete all[key]; keep(all);  // received, or refused for good
    });
  }

  function sendAll() {
    var all = pending();
    Object.keys(all).forEach(function (key) { send(key, all[key]).catch(function () {}); });
  }

  var form = document.querySelector("[data-offline-roster]");
  if (form) {
    var status = form.querySelector("[data-roster-status]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var pairs = [];
      new FormData(form).forEach(function (value, name) { pairs.push([name, value]); });
      var key = form.elements.key.value;
      var roster = { url: window.location.href.split("#")[0], pairs: pairs };
      var all = pending(); all[key] = roster; keep(all);
      send(key, roster).then(function () {
        status.textContent = form.dataset.sentMessage;
        window.location.reload();
      }).catch(function () {
        status.textContent = form.dataset.savedMessage;
      });
    });
  }
  window.addEventListener("online", sendAll);
  window.setInterval(sendAll, 30000);
  sendAll();
})();
