// A live conversation view, used by the playground, the website widget's panel and the agents' inbox.
// The element marked data-chat names its endpoints in data attributes; the server streams the conversation as
// server-sent events (see ChatStream). Every text from the server or the user is inserted as text, never as HTML.
(function () {
    'use strict';

    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) node.className = className;
        if (text != null) node.textContent = text;
        return node;
    }

    function headers(root) {
        var h = {'Content-Type': 'application/x-www-form-urlencoded'};
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        if (token && header) h[header.content] = token.content;
        if (root.dataset.token) h['X-Widget-Token'] = root.dataset.token;
        return h;
    }

    function post(root, url, body) {
        return fetch(url, {method: 'POST', headers: headers(root), body: body, credentials: 'same-origin'})
            .then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (json) {
                    if (response.status === 401) {
                        // the widget's session token expired: its panel renews it (see widget-frame.js)
                        root.dispatchEvent(new CustomEvent('chat-unauthorized'));
                    }
                    if (!response.ok) {
                        var message = json.error || (response.status === 429
                            ? 'You are sending messages too fast. Please wait a moment.'
                            : 'Something went wrong. Please try again.');
                        throw new Error(message);
                    }
                    return json;
                });
            });
    }

    // Thumbs icon (Lucide "thumbs-up", ISC licence), drawn rather than an emoji so it renders without emoji fonts.
    function thumb(down) {
        var ns = 'http://www.w3.org/2000/svg';
        var svg = document.createElementNS(ns, 'svg');
        svg.setAttribute('viewBox', '0 0 24 24');
        svg.setAttribute('width', '16');
        svg.setAttribute('height', '16');
        svg.setAttribute('fill', 'none');
        svg.setAttribute('stroke', 'currentColor');
        svg.setAttribute('stroke-width', '2');
        svg.setAttribute('stroke-linecap', 'round');
        svg.setAttribute('stroke-linejoin', 'round');
        svg.setAttribute('aria-hidden', 'true');
        if (down) svg.setAttribute('transform', 'rotate(180)');
        ['M7 10v12', 'M15 5.88 14 10h5.83a2 2 0 0 1 1.92 2.56l-2.33 8A2 2 0 0 1 17.5 22H4a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h2.76a2 2 0 0 0 1.79-1.11L12 2a3.13 3.13 0 0 1 3 3.88Z']
            .forEach(function (d) {
                var path = document.createElementNS(ns, 'path');
                path.setAttribute('d', d);
                svg.appendChild(path);
            });
        return svg;
    }

    function percent(x) {
        return Math.round(x * 100) + '%';
    }

    function Chat(root) {
        this.root = root;
        this.log = root.querySelector('[data-chat-log]');
        this.form = root.querySelector('[data-chat-form]');
        this.input = this.form.querySelector('textarea, input[name="message"]');
        this.error = root.querySelector('[data-chat-error]');
        this.status = root.querySelector('[data-chat-status]');
        this.lastSeq = 0;
        this.seen = {};
        this.streaming = {};
        this.role = root.dataset.role || 'customer';
        var greeting = root.dataset.greeting;
        if (greeting && this.role === 'customer') {
            var hello = el('li', 'msg assistant greeting');
            hello.appendChild(el('p', 'msg-text', greeting));
            this.log.appendChild(hello);
        }
        this.bind();
        this.connect();
    }

    Chat.prototype.bind = function () {
        var self = this;
        this.form.addEventListener('submit', function (e) {
            e.preventDefault();
            self.send();
        });
        this.input.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                self.send();
            }
        });
        this.log.addEventListener('click', function (e) {
            var target = e.target.closest('button[data-action]');
            if (!target) return;
            if (target.dataset.action === 'handoff') self.handoff(target);
            if (target.dataset.action === 'feedback') self.feedback(target);
        });
        var handoffButton = this.root.querySelector('[data-chat-handoff]');
        if (handoffButton) {
            handoffButton.addEventListener('click', function () { self.handoff(handoffButton); });
        }
    };

    Chat.prototype.showError = function (message) {
        if (!this.error) return;
        this.error.textContent = message || '';
        this.error.hidden = !message;
    };

    Chat.prototype.send = function () {
        var self = this;
        var text = this.input.value.trim();
        if (!text) {
            this.showError('Type a message first.');
            return;
        }
        this.showError('');
        this.input.value = '';
        post(this.root, this.root.dataset.send, new URLSearchParams({message: text}))
            .catch(function (e) {
                self.input.value = text;
                self.showError(e.message);
            });
    };

    Chat.prototype.handoff = function (button) {
        var self = this;
        button.disabled = true;
        post(this.root, this.root.dataset.handoff, '').catch(function (e) {
            button.disabled = false;
            self.showError(e.message);
        });
    };

    var REASONS = [['INCORRECT', 'Incorrect'], ['INCOMPLETE', 'Incomplete'], ['NOT_WHAT_I_ASKED', 'Not what I asked'],
        ['TONE', 'Tone'], ['OTHER', 'Other']];

    function press(group, value) {
        group.querySelectorAll('button').forEach(function (b) {
            b.setAttribute('aria-pressed', b.dataset.value === value ? 'true' : 'false');
        });
        group.dataset.done = 'true';
    }

    // 👍 is recorded at once. 👎 too, then a small form asks why (optional reasons and comment); pressing 👎 again
    // reopens it. Either way the rating can be changed: 👎 → 👍 clears the reasons and the comment.
    Chat.prototype.feedback = function (button) {
        var self = this;
        var item = button.closest('.msg');
        var group = button.parentNode;
        var value = button.dataset.value;
        var id = button.dataset.id;
        if (value === '-1' && button.getAttribute('aria-pressed') === 'true') {
            this.askWhy(item, id);
            return;
        }
        var url = this.root.dataset.feedback.replace('{id}', id);
        button.disabled = true;
        post(this.root, url, new URLSearchParams({value: value})).then(function () {
            press(group, value);
            item.dataset.reasons = '';
            item.dataset.comment = '';
            if (value === '-1') self.askWhy(item, id); else self.thank(item);
        }).catch(function (e) { self.showError(e.message); })
            .finally(function () { button.disabled = false; });
    };

    Chat.prototype.thank = function (item) {
        var open = item.querySelector('.feedback-form, .feedback-thanks');
        var note = el('p', 'feedback-thanks', 'Thanks for your feedback.');
        note.setAttribute('role', 'status');
        note.dataset.testid = 'feedback-thanks';
        if (open) open.replaceWith(note); else item.appendChild(note);
    };

    Chat.prototype.askWhy = function (item, id) {
        var self = this;
        var open = item.querySelector('.feedback-form, .feedback-thanks');
        var form = el('form', 'feedback-form');
        form.dataset.testid = 'feedback-form';
        form.noValidate = true;
        var chosen = (item.dataset.reasons || '').split(',');
        var set = el('fieldset');
        set.appendChild(el('legend', null, 'What went wrong? (optional)'));
        var chips = el('div', 'reason-chips');
        REASONS.forEach(function (r) {
            var label = el('label', 'chip');
            var box = el('input');
            box.type = 'checkbox';
            box.name = 'reasons';
            box.value = r[0];
            box.checked = chosen.indexOf(r[0]) >= 0;
            box.dataset.testid = 'reason-' + r[0].toLowerCase();
            label.appendChild(box);
            label.appendChild(document.createTextNode(' ' + r[1]));
            chips.appendChild(label);
        });
        set.appendChild(chips);
        form.appendChild(set);
        var commentId = 'feedback-comment-' + id;
        var label = el('label', 'feedback-label', 'Anything to add? (optional)');
        label.htmlFor = commentId;
        form.appendChild(label);
        var comment = el('textarea');
        comment.id = commentId;
        comment.name = 'comment';
        comment.rows = 2;
        comment.maxLength = 2000;
        comment.value = item.dataset.comment || '';
        comment.dataset.testid = 'feedback-comment';
        form.appendChild(comment);
        var error = el('p', 'feedback-error');
        error.setAttribute('role', 'alert');
        error.hidden = true;
        form.appendChild(error);
        var actions = el('div', 'feedback-actions');
        var send = el('button', null, 'Send feedback');
        send.type = 'submit';
        send.dataset.testid = 'feedback-send';
        var skip = el('button', 'link-button', 'Skip');
        skip.type = 'button';
        actions.appendChild(send);
        actions.appendChild(skip);
        form.appendChild(actions);
        skip.addEventListener('click', function () { self.thank(item); });
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            var body = new URLSearchParams({value: '-1'});
            var picked = [];
            form.querySelectorAll('input[name="reasons"]:checked').forEach(function (b) {
                body.append('reasons', b.value);
                picked.push(b.value);
            });
            body.set('comment', comment.value.trim());
            send.disabled = true;
            post(self.root, self.root.dataset.feedback.replace('{id}', id), body).then(function () {
                item.dataset.reasons = picked.join(',');
                item.dataset.comment = comment.value.trim();
                self.thank(item);
            }).catch(function (err) {
                error.textContent = err.message;
                error.hidden = false;
                send.disabled = false;
            });
        });
        if (open) open.replaceWith(form); else item.appendChild(form);
        this.scroll();
    };

    Chat.prototype.connect = function () {
        var self = this;
        if (this.source) this.source.close();
        var url = this.root.dataset.events;
        url += (url.indexOf('?') < 0 ? '?' : '&') + 'after=' + this.lastSeq;
        var source = new EventSource(url, {withCredentials: true});
        this.source = source;
        source.addEventListener('message', function (e) { self.onMessage(JSON.parse(e.data)); });
        source.addEventListener('answer-start', function (e) { self.onStart(JSON.parse(e.data)); });
        source.addEventListener('token', function (e) { self.onToken(JSON.parse(e.data)); });
        source.addEventListener('answer-restart', function (e) { self.onRestart(JSON.parse(e.data)); });
        source.addEventListener('status', function (e) { self.onStatus(JSON.parse(e.data)); });
        source.addEventListener('retrieved', function (e) { self.onRetrieved(JSON.parse(e.data)); });
        source.addEventListener('providers-failed', function (e) { self.onProvidersFailed(JSON.parse(e.data)); });
        source.onerror = function () {
            // EventSource retries by itself; a closed stream (lifetime over) reconnects from the last message seen
            if (source.readyState === EventSource.CLOSED) {
                self.root.dispatchEvent(new CustomEvent('chat-disconnected'));
                setTimeout(function () { self.connect(); }, 2000);
            }
        };
    };

    Chat.prototype.scroll = function () {
        this.log.scrollTop = this.log.scrollHeight;
    };

    Chat.prototype.onStart = function (data) {
        var item = el('li', 'msg assistant streaming');
        item.dataset.id = data.id;
        var text = el('p', 'msg-text');
        text.appendChild(el('span', 'typing', '…'));
        item.appendChild(text);
        this.log.appendChild(item);
        this.streaming[data.id] = {item: item, text: text, started: false};
        this.scroll();
    };

    Chat.prototype.onToken = function (data) {
        var s = this.streaming[data.id];
        if (!s) return;
        if (!s.started) {
            s.text.textContent = '';
            s.started = true;
        }
        s.text.appendChild(document.createTextNode(data.delta));
        this.scroll();
    };

    Chat.prototype.onRestart = function (data) {
        var s = this.streaming[data.id];
        if (!s) return;
        s.text.textContent = '';
        s.text.appendChild(el('span', 'typing', '…'));
        s.started = false;
    };

    // Playground only (the server sends this to no one else): which providers failed before this answer, and who
    // answered instead, so an admin notices a dead provider.
    Chat.prototype.onProvidersFailed = function (data) {
        var note = el('li', 'msg-note failover');
        note.dataset.testid = 'provider-failure';
        note.setAttribute('role', 'status');
        data.failures.forEach(function (f) {
            note.appendChild(el('p', null, f.provider + ' failed: ' + f.problem));
        });
        var by = data.answeredBy === 'offline'
            ? 'Answered by the offline answerer (quotes from your documents).'
            : 'Answered by the next provider, ' + data.answeredBy + '.';
        var last = el('p', 'small', by + ' ');
        if (this.root.dataset.providers) {
            var link = el('a', null, 'Check Settings → AI providers');
            link.href = this.root.dataset.providers;
            last.appendChild(link);
        }
        note.appendChild(last);
        var pending = this.streaming[data.id];
        if (pending) {
            this.log.insertBefore(note, pending.item);
        } else {
            this.log.appendChild(note);
        }
        this.scroll();
    };

    Chat.prototype.onMessage = function (m) {
        if (this.seen[m.id]) return;
        this.seen[m.id] = true;
        this.lastSeq = Math.max(this.lastSeq, m.seq);
        var item = this.render(m);
        var pending = this.streaming[m.id];
        if (pending) {
            pending.item.replaceWith(item);
            delete this.streaming[m.id];
        } else {
            this.log.appendChild(item);
        }
        this.scroll();
    };

    Chat.prototype.render = function (m) {
        var mine = (this.role === 'customer' && m.author === 'CUSTOMER') || (this.role === 'agent' && m.author === 'AGENT');
        var item = el('li', 'msg ' + m.author.toLowerCase() + (mine ? ' mine' : ''));
        item.dataset.id = m.id;
        item.dataset.testid = 'msg-' + m.author.toLowerCase();
        if (m.author === 'AGENT' || (m.author === 'ASSISTANT' && this.role === 'agent')) {
            item.appendChild(el('p', 'msg-author', m.name || (m.author === 'AGENT' ? 'Agent' : 'Assistant')));
        }
        item.appendChild(el('p', 'msg-text', m.text));
        if (m.author !== 'ASSISTANT') return item;

        if (m.citations && m.citations.length) {
            var list = el('ol', 'citations');
            list.setAttribute('aria-label', 'Sources');
            m.citations.forEach(function (c) {
                var li = el('li', 'citation');
                li.value = c.number;
                var title;
                if (c.href) {
                    title = el('a', 'citation-title', c.title);
                    title.href = c.href;
                    title.target = '_blank';
                    title.rel = 'noopener noreferrer';
                } else {
                    title = el('strong', 'citation-title', c.title);
                }
                li.appendChild(title);
                li.appendChild(el('span', 'citation-snippet', c.snippet));
                list.appendChild(li);
            });
            item.appendChild(list);
        }
        var meta = el('div', 'msg-meta');
        if (m.extractive) {
            meta.appendChild(el('span', 'badge', this.root.dataset.extractiveLabel || 'Quoted from your documents'));
        }
        // a reply to small talk ("Hi", "thanks") rests on no knowledge, and a question back ("Do you mean A or B?")
        // is no answer: no confidence to show, nothing to rate
        var noAnswer = m.smallTalk || m.clarifying;
        if (m.verified) { // an answer the team approved, served as it is: its badge says so instead of a score
            var v = el('span', 'badge verified', 'Verified answer');
            v.dataset.testid = 'verified-answer';
            v.title = 'Written and approved by the team';
            meta.appendChild(v);
        } else if (m.confidence != null && !noAnswer && this.root.dataset.showConfidence !== 'false') {
            var c = el('span', 'badge ' + (m.lowConfidence ? 'low' : 'ok'), 'Confidence ' + percent(m.confidence));
            c.title = 'How strongly the answer is supported by the knowledge base';
            meta.appendChild(c);
        }
        if (!noAnswer && this.root.dataset.feedback) {
            var group = el('span', 'feedback');
            group.setAttribute('role', 'group');
            group.setAttribute('aria-label', 'Rate this answer');
            var agentView = this.role === 'agent';
            [['1', false, 'Helpful'], ['-1', true, 'Not helpful']].forEach(function (f) {
                var b = el('button', 'link-button');
                b.appendChild(thumb(f[1]));
                b.type = 'button';
                b.dataset.action = 'feedback';
                b.dataset.value = f[0];
                b.dataset.id = m.id;
                b.dataset.testid = f[0] === '1' ? 'rate-up' : 'rate-down';
                b.setAttribute('aria-label', f[2]);
                b.title = f[2];
                b.setAttribute('aria-pressed', m.feedback != null && String(m.feedback) === f[0] ? 'true' : 'false');
                if (agentView && m.feedback != null) { // the inbox never overwrites a rating
                    b.disabled = true;
                    b.title = f[2] + ' (rated; write a correction to fix the answer)';
                }
                group.appendChild(b);
            });
            item.dataset.reasons = (m.feedbackReasons || []).join(',');
            item.dataset.comment = m.feedbackComment || '';
            meta.appendChild(group);
        }
        if (this.root.dataset.correct && !m.smallTalk) { // playground and inbox: turn a wrong answer into a right one
            var fix = el('a', 'correct-link', 'Correct this answer');
            fix.href = this.root.dataset.correct.replace('{id}', encodeURIComponent(m.id));
            fix.dataset.testid = 'correct-answer';
            meta.appendChild(fix);
        }
        if (meta.childNodes.length) item.appendChild(meta);
        if (m.lowConfidence && this.role === 'customer' && this.root.dataset.handoff) {
            var human = el('button', 'handoff-offer', 'Talk to a person');
            human.type = 'button';
            human.dataset.action = 'handoff';
            human.dataset.testid = 'handoff-offer';
            var status = this.root.dataset.status;
            human.disabled = status === 'WAITING' || status === 'AGENT';
            item.appendChild(human);
        }
        return item;
    };

    Chat.prototype.onStatus = function (data) {
        this.root.dataset.status = data.status;
        if (!this.status) return;
        var text = this.role === 'agent' ? {
            WAITING: 'The customer is waiting for a person. Take the conversation over to answer.',
            AGENT: (data.agent || 'An agent') + ' has this conversation; the assistant is paused.',
            RESOLVED: 'Resolved. The assistant answers the customer\'s next message.'
        }[data.status] : {
            WAITING: 'Waiting for a person from the team to join…',
            AGENT: (data.agent || 'An agent') + ' is answering.',
            RESOLVED: 'This conversation was closed. Ask anything to start again.'
        }[data.status];
        this.status.textContent = text || '';
        this.status.hidden = !text;
        this.root.querySelectorAll('button[data-action="handoff"]').forEach(function (b) {
            b.disabled = data.status === 'WAITING' || data.status === 'AGENT';
        });
        document.dispatchEvent(new CustomEvent('chat-status', {detail: data}));
    };

    Chat.prototype.onRetrieved = function (data) {
        var panel = document.querySelector('[data-retrieval]');
        if (!panel) return;
        var list = panel.querySelector('[data-retrieval-list]');
        var empty = panel.querySelector('[data-retrieval-empty]');
        var query = panel.querySelector('[data-retrieval-query]');
        list.textContent = '';
        empty.hidden = data.passages.length > 0;
        if (data.searched === false) {
            // "Hi", "thanks, bye": answered in kind, the knowledge was not asked
            empty.textContent = 'Small talk: answered in kind, without a search.';
            query.hidden = true;
            return;
        }
        empty.textContent = 'Nothing in the knowledge base matched this question.';
        query.hidden = false;
        query.textContent = 'Searched for: ' + data.query;
        data.passages.forEach(function (p) {
            var li = el('li', 'retrieved');
            li.appendChild(el('strong', null, p.title));
            if (p.internal) {
                var badge = el('span', 'badge internal', 'Internal');
                badge.title = 'Only your team sees it; the website widget never quotes it';
                li.appendChild(document.createTextNode(' '));
                li.appendChild(badge);
            }
            var scores = el('p', 'scores small');
            scores.textContent = 'fused ' + p.score.toFixed(3) + ' · relevance ' + percent(p.relevance)
                + ' · BM25 #' + (p.bm25Rank || '–') + ' · dense #' + (p.denseRank || '–');
            li.appendChild(scores);
            var bar = el('span', 'bar');
            bar.style.setProperty('--w', percent(Math.max(0, Math.min(1, p.relevance))));
            li.appendChild(bar);
            li.appendChild(el('p', 'small muted', p.snippet));
            list.appendChild(li);
        });
    };

    // A chat form is only ever sent by its view (a POST through fetch): one submitted before the view has started
    // (the widget panel before its session) does nothing, rather than putting the message into the address.
    if (!window.frontlineChatFormGuard) {
        window.frontlineChatFormGuard = true;
        document.addEventListener('submit', function (e) {
            if (e.target instanceof Element && e.target.matches('[data-chat-form]')) e.preventDefault();
        }, true);
    }

    // Pages swapped in by htmx (boosted links) load this script again: one registry closes the streams of views
    // that left the page.
    var open = window.frontlineChats = window.frontlineChats || [];

    function startOne(root) {
        if (!root.chat) {
            root.chat = new Chat(root);
            open.push(root.chat);
        }
        return root.chat;
    }

    // Views marked data-chat-manual are started by their page once it is ready (the widget panel, after its
    // session call): FrontlineChat.start(root).
    window.FrontlineChat = {start: startOne};

    function start() {
        for (var i = open.length - 1; i >= 0; i--) {
            if (!open[i].root.isConnected) {
                if (open[i].source) open[i].source.close();
                open.splice(i, 1);
            }
        }
        document.querySelectorAll('[data-chat]:not([data-chat-manual])').forEach(startOne);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
    document.addEventListener('htmx:afterSettle', start);
})();
