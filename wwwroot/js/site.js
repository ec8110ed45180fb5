// Countdown to the next deadline: <span data-countdown="2026-10-17T10:00:00Z" data-units="天,时,分,秒">.
// No inline script (the Content-Security-Policy forbids it); the server renders the starting text.
(function () {
    "use strict";
    function pad(n) { return n < 10 ? "0" + n : String(n); }
    function tick(element) {
        var target = Date.parse(element.getAttribute("data-countdown"));
        var units = (element.getAttribute("data-units") || "d,h,m,s").split(",");
        var left = Math.max(0, Math.floor((target - Date.now()) / 1000));
        var days = Math.floor(left / 86400);
        var hours = Math.floor((left % 86400) / 3600);
        var minutes = Math.floor((left % 3600) / 60);
        var seconds = left % 60;
        element.textContent = days + units[0] + " " + pad(hours) + units[1] + " " + pad(minutes) + units[2] + " " + pad(seconds) + units[3];
        return left > 0;
    }
    document.querySelectorAll("[data-countdown]").forEach(function (element) {
        if (tick(element)) {
            var timer = setInterval(function () { if (!tick(element)) { clearInterval(timer); } }, 1000);
        }
    });
})();
