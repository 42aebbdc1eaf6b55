// The website widget's chat panel (the page /widget/frame, framed by widget.js on the workspace's website).
// It names the visitor with an id kept in this frame's localStorage (or, where browsers block storage in
// third-party frames, in the host page's, through widget.js), gets a session token for the visitor's
// conversation, then starts the shared conversation view (chat.js) with it. The token is renewed before it expires,
// and at once when the server no longer accepts it (after a restart, for example).
(function () {
    'use strict';

    var panel = document.querySelector('[data-widget-panel]');
    if (!panel) return;
    var root = panel.querySelector('[data-chat]');
    var notice = panel.querySelector('[data-widget-notice]');
    var closeButton = panel.querySelector('[data-widget-close]');
    var handoffButton = panel.querySelector('[data-chat-handoff]');
    var key = panel.dataset.key;
    var preview = panel.dataset.preview || '';
    var STORE = 'frontline-visitor';
    var VISITOR = /^[A-Za-z0-9_-]{16,64}$/;
    var renewal = null;
    var pending = null;

    function newVisitorId() {
        var bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        return 'v' + Array.prototype.map.call(bytes, function (b) {
            return ('0' + b.toString(16)).slice(-2);
        }).join('');
    }

    // The frame's own storage when the browser allows it (it is out of the host page's reach).
    function storedVisitorId() {
        try {
            var id = localStorage.getItem(STORE);
            if (!id || !VISITOR.test(id)) {
                id = newVisitorId();
                localStorage.setItem(STORE, id);
            }
            return id;
        } catch (e) {
            return null; // third-party storage blocked (Safari, Chrome without third-party cookies, …)
        }
    }

    // Otherwise the loader keeps the id in the host page's storage and hands it over (widget.js); without an
    // answer, the id lasts for this page view only.
    function hostVisitorId() {
        return new Promise(function (resolve) {
            if (window.parent === window) return resolve(null);
            var timer;
            function onMessage(e) {
                if (e.source !== window.parent || !e.data || e.data.frontline !== 'visitor') return;
                window.removeEventListener('message', onMessage);
                clearTimeout(timer);
                resolve(VISITOR.test(e.data.id) ? e.data.id : null);
            }
            window.addEventListener('message', onMessage);
            timer = setTimeout(function () {
                window.removeEventListener('message', onMessage);
                resolve(null);
            }, 1500);
            window.parent.postMessage({frontline: 'visitor?'}, '*');
        });
    }

    var stored = storedVisitorId();
    var visitorReady = stored ? Promise.resolve(stored) : hostVisitorId().then(function (id) {
        return id || newVisitorId();
    });
    var visitor = null;

    // The website this panel is shown on (its parent page's origin), so the session is checked against the
    // workspace's allowed websites and bound to it.
    function hostSite() {
        try {
            if (location.ancestorOrigins && location.ancestorOrigins.length) return location.ancestorOrigins[0];
        } catch (e) { /* not available */ }
        try {
            if (window.parent !== window && document.referrer) return new URL(document.referrer).origin;
        } catch (e) { /* no referrer */ }
        return '';
    }
    var site = hostSite();

    function showNotice(message) {
        notice.textContent = message || '';
        notice.hidden = !message;
    }

    function session() {
        if (pending) return pending;
        var body = new URLSearchParams({key: key, visitor: visitor});
        if (preview) body.set('preview', preview);
        // the host page's address and the visitor's name/e-mail, as widget.js passed them (see there)
        new URLSearchParams(location.hash.slice(1)).forEach(function (value, name) {
            if (name === 'page' || name === 'name' || name === 'email') body.set(name, value);
        });
        if (site) body.set('site', site);
        pending = fetch('/widget/api/session', {method: 'POST', body: body, credentials: 'omit'})
            .then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (json) {
                    if (!response.ok) throw new Error(json.error || 'The chat is not available right now. Please try again later.');
                    return json;
                });
            })
            .then(function (s) {
                root.dataset.token = s.token;
                root.dataset.events = '/widget/api/events?token=' + encodeURIComponent(s.token);
                clearTimeout(renewal);
                // renew at half the token's life, so an open chat never meets an expired one
                renewal = setTimeout(session, Math.max(60, s.expiresIn / 2) * 1000);
                showNotice('');
                return s;
            })
            .finally(function () { pending = null; });
        return pending;
    }

    function start() {
        visitorReady.then(function (id) {
            visitor = id;
            return session();
        }).then(function () {
            window.FrontlineChat.start(root);
        }).catch(function (e) {
            showNotice(e.message);
            setTimeout(start, 15000);
        });
    }

    // chat.js: a call was refused for the token, or the stream closed (then it reconnects in 2 s with data-events)
    root.addEventListener('chat-unauthorized', function () { session().catch(function () {}); });
    root.addEventListener('chat-disconnected', function () { session().catch(function () {}); });

    document.addEventListener('chat-status', function (e) {
        var waiting = e.detail.status === 'WAITING' || e.detail.status === 'AGENT';
        handoffButton.hidden = waiting;
    });

    // Framed by widget.js: closing is the host page's job. Opened on its own: there is nothing to close.
    var framed = window.parent !== window;
    closeButton.hidden = !framed;

    function askToClose() {
        left();
        window.parent.postMessage({frontline: 'close'}, '*'); // carries nothing secret; widget.js checks the source
    }

    // The visitor closed the chat or left the page: told with a beacon (it survives the page going away), so the
    // team's implicit signals know an answer was followed by leaving. The token goes in the body: beacons carry no
    // custom headers.
    var leftAt = 0;
    function left() {
        if (!root.dataset.token || !navigator.sendBeacon || Date.now() - leftAt < 2000) return;
        leftAt = Date.now(); // the close button and widget.js's "closed" both report one closing
        navigator.sendBeacon('/widget/api/left', new URLSearchParams({token: root.dataset.token}));
    }

    window.addEventListener('pagehide', left);

    closeButton.addEventListener('click', askToClose);
    document.addEventListener('keydown', function (e) {
        if (framed && e.key === 'Escape') askToClose();
    });
    window.addEventListener('message', function (e) {
        if (e.source === window.parent && e.data && e.data.frontline === 'closed') left();
        if (e.source === window.parent && e.data && e.data.frontline === 'open') {
            var input = root.querySelector('textarea');
            if (input && window.matchMedia('(min-width: 480px)').matches) input.focus();
        }
    });

    start();
})();
