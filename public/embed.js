/*
 * Shared Page Tables Lab: the host page's helper for embedded frames (embed API version 1).
 * No dependencies. Sizes every <iframe data-sptlab> from its `height` events (and from the
 * `{ context: "iframe.resize", height }` convention), and offers a promise API:
 *   SPTLab.connect(iframe).then(function (lab) { return lab.goto(5); }).then(function (state) { ... });
 * Each command resolves with the frame's first `state` that shows it done and rejects with its next `error`.
 */
(function () {
  'use strict';
  var APP = 'sptlab', V = 1, labs = [];
  function originOf(iframe) {
    try { return new URL(iframe.src, location.href).origin; } catch (e) { return null; }
  }
  function labOf(source) {
    for (var i = 0; i < labs.length; i++) if (labs[i].iframe.contentWindow === source) return labs[i];
    var frames = document.querySelectorAll('iframe');
    for (var j = 0; j < frames.length; j++) if (frames[j].contentWindow === source) return track(frames[j]);
    return null;
  }
  function track(iframe) {
    for (var i = 0; i < labs.length; i++) if (labs[i].iframe === iframe) return labs[i];
    var lab = { iframe: iframe, ready: false, waiting: [], listeners: [], state: null };
    labs.push(lab);
    return lab;
  }
  function size(iframe, height) {
    if (iframe.hasAttribute('data-sptlab') && typeof height === 'number' && height > 0 && height < 100000) iframe.style.height = Math.ceil(height) + 'px';
  }
  window.addEventListener('message', function (e) {
    var d = e.data, lab = labOf(e.source);
    if (!lab || !d || typeof d !== 'object' || e.origin !== originOf(lab.iframe)) return;
    if (d.context === 'iframe.resize') return size(lab.iframe, d.height);
    if (d.app !== APP || d.v !== V) return;
    if (d.type === 'height') size(lab.iframe, d.height);
    if (d.type === 'ready' || d.type === 'state') lab.ready = true;
    if (d.type === 'state') lab.state = d;
    lab.waiting = lab.waiting.filter(function (w) {
      if (d.type === 'error') { w.reject(new Error(d.message)); return false; }
      if (d.type !== 'state' || !w.until(d)) return true;
      w.resolve(d);
      return false;
    });
    lab.listeners.slice().forEach(function (l) { if (l.type === d.type || l.type === '*') l.fn(d); });
  });
  function api(lab) {
    // Resolves with the first state that shows the command done (`until`), rejects with an error.
    function send(type, fields, until) {
      return new Promise(function (resolve, reject) {
        lab.waiting.push({ resolve: resolve, reject: reject, until: until || function () { return true; } });
        var msg = { app: APP, v: V, type: type };
        for (var k in fields || {}) if (fields[k] !== undefined) msg[k] = fields[k];
        lab.iframe.contentWindow.postMessage(msg, originOf(lab.iframe) || '*');
      });
    }
    return {
      iframe: lab.iframe,
      load: function (what) { return send('load', what); },
      goto: function (step) { return send('goto', { step: step }, function (s) { return s.step === Math.min(step, s.steps); }); },
      play: function (speed) { return send('play', { speed: speed }, function (s) { return s.playing || s.step === s.steps; }); },
      pause: function () { return send('pause', {}, function (s) { return !s.playing; }); },
      getState: function () { return send('getState'); },
      theme: function (theme) { lab.iframe.contentWindow.postMessage({ app: APP, v: V, type: 'theme', theme: theme }, originOf(lab.iframe) || '*'); return Promise.resolve(); },
      on: function (type, fn) { var l = { type: type, fn: fn }; lab.listeners.push(l); return function () { lab.listeners.splice(lab.listeners.indexOf(l), 1); }; },
      get state() { return lab.state; }
    };
  }
  /** Resolves with a lab once the frame can take commands (it asks, in case `ready` came first). */
  function connect(iframe) {
    var lab = track(iframe);
    return new Promise(function (resolve) {
      var timer = null, fallback = null;
      function done() { clearInterval(timer); clearTimeout(fallback); iframe.removeEventListener('load', start); resolve(api(lab)); }
      if (lab.ready) return done();
      var off = api(lab).on('*', function (d) { if (d.type === 'ready' || d.type === 'state') { off(); done(); } });
      function ask() { if (iframe.contentWindow) iframe.contentWindow.postMessage({ app: APP, v: V, type: 'getState' }, originOf(iframe) || '*'); }
      // Ask only once the frame's page is there (a message to a frame still loading is refused).
      function start() { if (timer === null) { ask(); timer = setInterval(ask, 500); } }
      iframe.addEventListener('load', start);
      fallback = setTimeout(start, 2000);
    });
  }
  function scan() { document.querySelectorAll('iframe[data-sptlab]').forEach(track); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan); else scan();
  window.SPTLab = { connect: connect, version: V };
})();
