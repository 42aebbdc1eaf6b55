// The phone menu (below 900 px): the top bar's Menu button shows and hides the sidebar. Loaded in <head> without
// defer so that the "js" class is set before the first paint: without JavaScript the sidebar simply stays visible.
// Event delegation, because htmx's boosted navigation replaces the body (and with it the button and the menu).
// Hand-written: a disclosure button is a few lines, and no library we use (htmx, Pico) has one.
(function () {
    "use strict";

    document.documentElement.classList.add("js");

    function menuOf(toggle) {
        return document.getElementById(toggle.getAttribute("aria-controls"));
    }

    function openToggle() {
        return document.querySelector('[data-menu-toggle][aria-expanded="true"]');
    }

    function setOpen(toggle, open) {
        var menu = menuOf(toggle);
        toggle.setAttribute("aria-expanded", String(open));
        if (menu) { menu.classList.toggle("open", open); }
        document.documentElement.classList.toggle("menu-open", open);
    }

    function closeMenu() {
        var toggle = openToggle();
        if (toggle) { setOpen(toggle, false); }
        return toggle;
    }

    document.addEventListener("click", function (event) {
        var target = event.target;
        if (!(target instanceof Element)) { return; }
        var toggle = target.closest("[data-menu-toggle]");
        if (toggle) {
            setOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
            return;
        }
        var open = openToggle();
        // a link in the menu: close it now, so the page we leave (and htmx's copy of it for Back) has it closed
        if (open && target.closest("a") && menuOf(open) && menuOf(open).contains(target)) {
            setOpen(open, false);
        }
    });

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            var toggle = closeMenu();
            if (toggle) { toggle.focus(); }
        }
    });

    // Tabbing out of the open menu (into the page it covers) closes it.
    document.addEventListener("focusin", function (event) {
        var toggle = openToggle();
        var target = event.target;
        if (toggle && target instanceof Element && target !== toggle && !menuOf(toggle).contains(target)) {
            setOpen(toggle, false);
        }
    });

    document.addEventListener("htmx:beforeHistorySave", closeMenu);
    window.matchMedia("(min-width: 901px)").addEventListener("change", function (event) {
        if (event.matches) { closeMenu(); }
    });
})();
