/*! Frontline chat widget loader: <script src="https://PORTAL/widget.js" data-key="pk_..." async></script> */
// Runs on other companies' websites, so it keeps to itself: no dependencies, one global (window.FrontlineWidget),
// its elements in a Shadow DOM (no styles leak in or out), the chat itself in an iframe on the portal's origin.
(function (w, d) {
    'use strict';
    if (w.FrontlineWidget) return; // the snippet was pasted twice
    var script = d.currentScript;
    if (!script || !script.src || !w.fetch) return;

    var base = new URL(script.src, d.baseURI).origin;
    var key = script.getAttribute('data-key') || '';
    var preview = script.getAttribute('data-preview') || '';
    var STORE = 'frontline-widget-visitor';
    var api = {open: noop, close: noop, toggle: noop};
    w.FrontlineWidget = api;

    function noop() {}

    function warn(message) {
        if (w.console && console.warn) console.warn('Frontline chat widget: ' + message);
    }

    if (!key) {
        warn('the script tag has no data-key. Copy the snippet again from Settings → Website widget.');
        return;
    }

    var CHAT = {fill: 'currentColor', d: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 ' +
        '2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z'};
    var CLOSE = {fill: 'none', stroke: 'currentColor', 'stroke-width': '2.4', 'stroke-linecap': 'round',
        d: 'M6 6l12 12M18 6L6 18'};
    var CSS = ':host{all:initial}' +
        '.fw{--c:#4f46e5;--t:#fff;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
        '.launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:60px;height:60px;margin:0;padding:0;' +
        'border:0;border-radius:50%;background:var(--c);color:var(--t);cursor:pointer;display:flex;align-items:center;' +
        'justify-content:center;box-shadow:0 6px 24px rgba(0,0,0,.24);transition:transform .15s ease}' +
        '.launcher:hover{transform:scale(1.06)}.launcher:focus-visible{outline:3px solid var(--c);outline-offset:3px}' +
        '.launcher .x,.open .launcher .bubble{display:none}.open .launcher .x{display:block}' +
        '.panel{position:fixed;bottom:92px;right:20px;z-index:2147483000;width:380px;height:640px;' +
        'max-height:calc(100vh - 116px);border-radius:16px;overflow:hidden;background:#fff;' +
        'box-shadow:0 16px 48px rgba(0,0,0,.28);opacity:0;visibility:hidden;transform:translateY(16px);' +
        'transition:opacity .2s ease,transform .2s ease,visibility 0s linear .2s}' +
        '.open .panel{opacity:1;visibility:visible;transform:none;transition:opacity .2s ease,transform .2s ease}' +
        '.left .launcher,.left .panel{right:auto;left:20px}' +
        'iframe{display:block;width:100%;height:100%;border:0}' +
        '@media (max-width:479px){.panel{inset:0;width:auto;height:auto;max-height:none;border-radius:0}' +
        '.open .launcher{display:none}}' +
        '@media (prefers-reduced-motion:reduce){.panel,.launcher{transition:none}}';

    var url = base + '/widget/config?key=' + encodeURIComponent(key) +
        (preview ? '&preview=' + encodeURIComponent(preview) : '');
    fetch(url, {mode: 'cors', credentials: 'omit'})
        .then(function (response) {
            if (!response.ok) throw new Error(String(response.status));
            return response.json();
        })
        .then(function (config) {
            if (d.body) render(config);
            else d.addEventListener('DOMContentLoaded', function () { render(config); });
        })
        .catch(function () {
            // a refused origin gets no CORS header, so the reason cannot be read here; name the likely ones
            warn('not shown. Check that this website (' + w.location.origin + ') is among the allowed websites ' +
                'and that data-key is the current key (Settings → Website widget).');
        });

    function render(config) {
        var color = /^#[0-9a-f]{6}$/i.test(config.color) ? config.color : '#4f46e5';
        var text = /^#[0-9a-f]{6}$/i.test(config.textColor) ? config.textColor : '#ffffff';
        var name = String(config.assistantName || 'Chat');

        var host = d.createElement('div');
        host.setAttribute('data-frontline-widget', '');
        // the page's own rules for div (borders, backgrounds) must not draw anything: inline !important wins
        host.style.setProperty('all', 'initial', 'important');
        var shadow = host.attachShadow({mode: 'open'});
        applyStyles(shadow);

        var wrap = d.createElement('div');
        wrap.className = 'fw' + (config.position === 'BOTTOM_LEFT' ? ' left' : '');
        wrap.style.setProperty('--c', color);
        wrap.style.setProperty('--t', text);

        var launcher = d.createElement('button');
        launcher.type = 'button';
        launcher.className = 'launcher';
        launcher.setAttribute('aria-haspopup', 'dialog');
        launcher.setAttribute('aria-expanded', 'false');
        launcher.setAttribute('aria-label', 'Chat with ' + name);
        launcher.setAttribute('data-testid', 'widget-launcher');
        launcher.appendChild(icon('bubble', CHAT));
        launcher.appendChild(icon('x', CLOSE));

        var panel = d.createElement('div');
        panel.className = 'panel';
        panel.setAttribute('role', 'dialog');
        panel.setAttribute('aria-label', name);

        wrap.appendChild(panel);
        wrap.appendChild(launcher);
        shadow.appendChild(wrap);
        d.body.appendChild(host);

        var frame = null;
        var frameReady = false;
        var isOpen = false;

        function tellFrame(type) {
            if (frame && frameReady) frame.contentWindow.postMessage({frontline: type}, base);
        }

        function open() {
            if (isOpen) return;
            if (!frame) { // lazy: the chat loads on first open only
                frame = d.createElement('iframe');
                frame.title = name;
                // for the team's inbox: this page, and the visitor if the site names them (in the #: never logged)
                var about = new URLSearchParams({page: w.location.origin + w.location.pathname});
                ['name', 'email'].forEach(function (k) {
                    var v = script.getAttribute('data-customer-' + k);
                    if (v) about.set(k, v);
                });
                frame.src = base + config.frame + '#' + about;
                frame.addEventListener('load', function () {
                    frameReady = true;
                    if (isOpen) tellFrame('open');
                });
                panel.appendChild(frame);
            }
            isOpen = true;
            wrap.classList.add('open');
            launcher.setAttribute('aria-expanded', 'true');
            launcher.setAttribute('aria-label', 'Close chat');
            tellFrame('open');
            frame.focus();
        }

        function close() {
            if (!isOpen) return;
            isOpen = false;
            tellFrame('closed');
            wrap.classList.remove('open');
            launcher.setAttribute('aria-expanded', 'false');
            launcher.setAttribute('aria-label', 'Chat with ' + name);
            launcher.focus();
        }

        launcher.addEventListener('click', function () {
            if (isOpen) close(); else open();
        });
        d.addEventListener('keydown', function (e) {
            if (isOpen && e.key === 'Escape') close();
        });
        w.addEventListener('message', function (e) {
            // only the panel's own frame talks to the loader
            if (!frame || e.source !== frame.contentWindow || e.origin !== base || !e.data) return;
            if (e.data.frontline === 'close') close();
            if (e.data.frontline === 'visitor?') {
                frame.contentWindow.postMessage({frontline: 'visitor', id: visitorId()}, base);
            }
        });

        api.open = open;
        api.close = close;
        api.toggle = function () {
            if (isOpen) close(); else open();
        };
    }

    // The visitor's id for browsers that deny the panel its own storage (third-party storage blocked): kept in
    // this page's storage under one namespaced key, and handed only to the panel's frame on the portal's origin.
    var memoryId = null;

    function visitorId() {
        var id = null;
        try { id = localStorage.getItem(STORE); } catch (e) { /* storage blocked here too */ }
        if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
            if (!memoryId) {
                var bytes = new Uint8Array(16);
                crypto.getRandomValues(bytes);
                memoryId = 'v' + Array.prototype.map.call(bytes, function (b) {
                    return (b < 16 ? '0' : '') + b.toString(16);
                }).join('');
            }
            id = memoryId;
            try { localStorage.setItem(STORE, id); } catch (e) { /* lasts for this page view */ }
        }
        return id;
    }

    // Built node by node rather than with innerHTML, which a host page's Trusted Types policy would refuse.
    function icon(className, attributes) {
        var ns = 'http://www.w3.org/2000/svg';
        var svg = d.createElementNS(ns, 'svg');
        var path = d.createElementNS(ns, 'path');
        svg.setAttribute('viewBox', '0 0 24 24');
        svg.setAttribute('width', '26');
        svg.setAttribute('height', '26');
        svg.setAttribute('aria-hidden', 'true');
        svg.setAttribute('class', className);
        for (var name in attributes) path.setAttribute(name, attributes[name]);
        svg.appendChild(path);
        return svg;
    }

    function applyStyles(shadow) {
        // A constructed stylesheet is not an inline <style>, so a host page's strict style-src does not block it.
        try {
            var sheet = new CSSStyleSheet();
            sheet.replaceSync(CSS);
            shadow.adoptedStyleSheets = [sheet];
        } catch (e) {
            var style = d.createElement('style');
            style.textContent = CSS;
            shadow.appendChild(style);
        }
    }
})(window, document);
