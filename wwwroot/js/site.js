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

// Live length of Markdown text, counted as Awards.Core.Common.TextLength counts it on the server:
// each CJK character is one, each run of Latin letters or digits is one word, markup is nothing.
// <textarea data-count="#counter" data-min="800" data-max="5000">, <span id="counter" data-template="{0} …">.
(function () {
    "use strict";
    var linkTarget = /\]\([^)\s]*(\s+"[^"]*")?\)/g;
    var letterOrDigit = /[\p{L}\p{N}]/u;
    function isCjk(v) {
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x2EBEF)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x3000 && v <= 0x303F) || (v >= 0x3040 && v <= 0x30FF)
            || (v >= 0xAC00 && v <= 0xD7AF) || (v >= 0xFF01 && v <= 0xFF60);
    }
    function isChinesePunctuation(v) {
        return (v >= 0x2018 && v <= 0x201F) || v === 0x2014 || v === 0x2015 || v === 0x2026 || v === 0x00B7;
    }
    function count(text) {
        var n = 0, inWord = false;
        for (var ch of text.replace(linkTarget, "]")) {
            var v = ch.codePointAt(0);
            if (inWord && (ch === "'" || ch === "\u2019" || ch === "-")) {
                continue;
            }
            if (isCjk(v) || isChinesePunctuation(v)) {
                n++;
                inWord = false;
            } else if (letterOrDigit.test(ch)) {
                if (!inWord) { n++; inWord = true; }
            } else {
                inWord = false;
            }
        }
        return n;
    }
    document.querySelectorAll("textarea[data-count]").forEach(function (area) {
        var target = document.querySelector(area.getAttribute("data-count"));
        if (!target) { return; }
        var min = Number(area.getAttribute("data-min") || 0), max = Number(area.getAttribute("data-max") || Infinity);
        var template = target.getAttribute("data-template") || "{0}";
        function update() {
            var n = count(area.value);
            target.textContent = template.replace("{0}", String(n));
            target.classList.toggle("text-danger", n < min || n > max);
            target.classList.toggle("text-success", n >= min && n <= max);
        }
        area.addEventListener("input", update);
        update();
    });
})();

// A second click must not post a form twice: forms marked data-once disable their buttons once sent.
// Buttons with data-confirm ask first. (No inline script: the Content-Security-Policy forbids it.)
(function () {
    "use strict";
    // With data-confirm-when-filled="#field" a button asks only when that field holds text.
    document.querySelectorAll("[data-confirm]").forEach(function (button) {
        button.addEventListener("click", function (event) {
            var filled = button.getAttribute("data-confirm-when-filled");
            var field = filled && document.querySelector(filled);
            if (filled && (!field || field.value.trim() === "")) { return; }
            if (!window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); }
        });
    });
    document.querySelectorAll("form[data-once]").forEach(function (form) {
        form.addEventListener("submit", function () {
            setTimeout(function () {
                form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
            }, 0);
        });
    });
})();

// Live preview of Markdown, rendered by the server's own sanitizing renderer:
// <textarea data-preview="#preview"> inside a form that carries the antiforgery token.
(function () {
    "use strict";
    document.querySelectorAll("textarea[data-preview]").forEach(function (area) {
        var target = document.querySelector(area.getAttribute("data-preview"));
        var token = area.form && area.form.querySelector("input[name=__RequestVerificationToken]");
        if (!target || !token) { return; }
        var timer = null, sent = 0;
        function render() {
            var mine = ++sent;
            var body = new FormData();
            body.append("text", area.value);
            fetch("/markdown/preview", { method: "POST", body: body, headers: { "RequestVerificationToken": token.value }, credentials: "same-origin" })
                // A redirect means the session ended (the sign-in page): nothing to show.
                .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
                .then(function (html) {
                    // The server sanitized it (Markdig without HTML, then an allowlist); a stale answer is dropped.
                    if (html !== null && mine === sent) { target.innerHTML = html; }
                })
                .catch(function () { /* offline for a moment: the preview waits for the next keystroke */ });
        }
        area.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(render, 400);
        });
    });
})();

// Exports running in the background: <div data-export-status="/organizer/exports/7/status">.
// The bar follows the job; when every job has ended the page reloads to show the download links.
(function () {
    "use strict";
    var bars = Array.prototype.slice.call(document.querySelectorAll("[data-export-status]"));
    if (bars.length === 0) { return; }
    function poll() {
        Promise.all(bars.map(function (bar) {
            return fetch(bar.getAttribute("data-export-status"), { credentials: "same-origin", cache: "no-store" })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (job) {
                    if (!job) { return true; }
                    bar.setAttribute("aria-valuenow", job.progress);
                    var inner = bar.querySelector(".progress-bar");
                    if (inner) {
                        inner.classList.remove("w-25", "w-50", "w-75", "w-100");
                        inner.classList.add(job.progress >= 100 ? "w-100" : job.progress >= 50 ? "w-75" : job.progress >= 10 ? "w-50" : "w-25");
                    }
                    return job.status === "Done" || job.status === "Failed";
                })
                .catch(function () { return false; });
        })).then(function (ended) {
            if (ended.every(function (e) { return e; })) { window.location.reload(); } else { setTimeout(poll, 1000); }
        });
    }
    setTimeout(poll, 500);
})();

// A file over the upload limit is refused before it is sent, with the server's own message:
// <input type="file" data-max-bytes="10485760" data-too-large="文件超过 10 MB。">.
// The server checks again; this only spares a judge or an author a long upload that would fail.
(function () {
    "use strict";
    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
        var max = Number(input.getAttribute("data-max-bytes"));
        input.addEventListener("change", function () {
            var tooLarge = Array.prototype.some.call(input.files || [], function (file) { return file.size > max; });
            input.setCustomValidity(tooLarge ? input.getAttribute("data-too-large") : "");
            if (tooLarge) { input.reportValidity(); }
        });
    });
})();

// The live total of a rubric's weights, which must add up to 1 (the server checks again):
// <span data-weight-sum data-template="合计 {0}"> beside inputs marked data-weight in the same form;
// a criterion whose [data-remove] box is ticked does not count. A button
// <button data-add-row="#template" data-into="#list"> adds a row (a criterion, a prize level, a
// round) from the template, numbering its fields after the rows [data-row] already in the list
// (the server binds Criteria[0], [1], ...).
(function () {
    "use strict";
    document.querySelectorAll("[data-weight-sum]").forEach(function (target) {
        var form = target.closest("form");
        if (!form) { return; }
        var template = target.getAttribute("data-template") || "{0}";
        function update() {
            // In ten-thousandths, as the server reads at most four decimals, so that 0.3 + 0.3 + 0.25 + 0.15 is 1.
            var total = Array.prototype.reduce.call(form.querySelectorAll("input[data-weight]"), function (sum, input) {
                var row = input.closest("[data-row]");
                var removed = row && row.querySelector("input[data-remove]:checked");
                var value = Number(input.value.trim());
                return removed ? sum : sum + (input.value.trim() === "" || isNaN(value) ? NaN : Math.round(value * 10000));
            }, 0);
            target.textContent = template.replace("{0}", isNaN(total) ? "?" : String(total / 10000));
            target.classList.toggle("text-danger", total !== 10000);
            target.classList.toggle("text-success", total === 10000);
        }
        form.addEventListener("input", update);
        form.addEventListener("change", update);
        update();
    });
    document.querySelectorAll("[data-add-row]").forEach(function (button) {
        var template = document.querySelector(button.getAttribute("data-add-row"));
        var list = document.querySelector(button.getAttribute("data-into"));
        if (!template || !list) { return; }
        button.addEventListener("click", function () {
            var index = String(list.querySelectorAll("[data-row]").length);
            list.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__i__/g, index));
            var first = list.lastElementChild.querySelector("input[type=text]");
            if (first) { first.focus(); }
            list.dispatchEvent(new Event("change", { bubbles: true }));
        });
    });
})();

// Kept forms (Infrastructure/KeptForms.cs): <form data-keep="KEY"> keeps a copy of what is typed in
// the browser's storage until the server saved it, and offers it back (<div data-kept-notice>) when
// the form opens without it: after a session that ended, a refused token, a crash. The page after a
// successful save names the key in <meta name="awards-kept-saved">, which drops the copy; copies
// older than a week go too, and signing out drops them all. Forms with data-keep or data-guard ask
// before the page is left with changes not sent.
(function () {
    "use strict";
    var prefix = "awards.kept:", week = 7 * 24 * 3600 * 1000, store = null;
    try { store = window.localStorage; store.getItem(prefix); } catch (e) { store = null; }
    function fields(form) {
        return Array.prototype.filter.call(form.elements, function (el) {
            return el.name && el.name !== "__RequestVerificationToken" && ["hidden", "file", "submit", "button", "reset"].indexOf(el.type) < 0;
        });
    }
    function read(form) {
        var values = {};
        fields(form).forEach(function (el) {
            if (el.type === "checkbox") { values[el.name] = el.checked; }
            else if (el.type === "radio") { if (el.checked) { values[el.name] = el.value; } }
            else { values[el.name] = el.value; }
        });
        return values;
    }
    function write(form, values) {
        fields(form).forEach(function (el) {
            if (!Object.prototype.hasOwnProperty.call(values, el.name)) { return; }
            if (el.type === "checkbox") { el.checked = values[el.name] === true; }
            else if (el.type === "radio") { el.checked = values[el.name] === el.value; }
            else { el.value = values[el.name]; }
            el.dispatchEvent(new Event("input", { bubbles: true }));
            el.dispatchEvent(new Event("change", { bubbles: true }));
        });
    }
    function same(a, b) {
        return Object.keys(a).every(function (k) { return !Object.prototype.hasOwnProperty.call(b, k) || a[k] === b[k]; });
    }
    if (store) {
        var saved = document.querySelector("meta[name=awards-kept-saved]");
        if (saved) { store.removeItem(prefix + saved.getAttribute("content")); }
        for (var i = store.length - 1; i >= 0; i--) {
            var key = store.key(i);
            if (key && key.indexOf(prefix) === 0) {
                try {
                    var old = JSON.parse(store.getItem(key));
                    if (!old || !(Date.now() - old.at < week)) { store.removeItem(key); }
                } catch (e) { store.removeItem(key); }
            }
        }
        document.querySelectorAll("form[action='/account/logout']").forEach(function (form) {
            form.addEventListener("submit", function () {
                for (var j = store.length - 1; j >= 0; j--) {
                    var k = store.key(j);
                    if (k && k.indexOf(prefix) === 0) { store.removeItem(k); }
                }
            });
        });
    }
    document.querySelectorAll("form[data-keep], form[data-guard]").forEach(function (form) {
        var initial = JSON.stringify(read(form)), sending = false;
        form.addEventListener("submit", function () { sending = true; });
        window.addEventListener("beforeunload", function (event) {
            if (!sending && JSON.stringify(read(form)) !== initial) {
                event.preventDefault();
                event.returnValue = "";
            }
        });
        if (!store || !form.hasAttribute("data-keep")) { return; }
        var key = prefix + form.getAttribute("data-keep"), timer = null, deciding = false;
        function keep() {
            if (deciding) { return; }
            try { store.setItem(key, JSON.stringify({ at: Date.now(), values: read(form) })); } catch (e) { /* storage full or off: nothing kept */ }
        }
        var copy = null;
        try { copy = JSON.parse(store.getItem(key) || "null"); } catch (e) { copy = null; }
        var notice = form.querySelector("[data-kept-notice]");
        if (copy && copy.values && notice && !same(copy.values, read(form))) {
            // Until the author chooses, typing does not overwrite the copy.
            deciding = true;
            var text = notice.querySelector("[data-kept-text]");
            text.textContent = text.getAttribute("data-template").replace("{0}", new Date(copy.at).toLocaleString(document.documentElement.lang));
            notice.classList.remove("d-none");
            notice.querySelector("[data-kept-restore]").addEventListener("click", function () {
                write(form, copy.values);
                deciding = false;
                notice.classList.add("d-none");
                keep();
            });
            notice.querySelector("[data-kept-discard]").addEventListener("click", function () {
                store.removeItem(key);
                deciding = false;
                notice.classList.add("d-none");
                keep();
            });
        }
        form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(keep, 300); });
        form.addEventListener("change", keep);
        form.addEventListener("submit", function () { clearTimeout(timer); keep(); });
    });
})();

// A checkbox with data-check-all="name" ticks or clears every checkbox of that name in its form.
(function () {
    "use strict";
    document.querySelectorAll("input[data-check-all]").forEach(function (all) {
        all.addEventListener("change", function () {
            var name = all.getAttribute("data-check-all");
            all.form.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) { box.checked = all.checked; });
        });
    });
})();
