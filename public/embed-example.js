// The example page's own script, in a file of its own so the page works under the lab's
// Content-Security-Policy (no inline script).
// The promise API: connect, then send commands; each resolves with the frame's next state.
SPTLab.connect(document.getElementById('scenario')).then(function (lab) {
  var out = document.getElementById('readout');
  function show(s) {
    var side = s.sides[0];
    out.textContent = 'Step ' + s.step + ' of ' + s.steps + (side ? ' · page tables ' + side.pagetables_bytes.toLocaleString('en-US') + ' bytes · ' + side.processes_alive + ' processes' : '') + (s.playing ? ' · playing' : '');
  }
  lab.on('state', show);
  lab.getState().then(show);
  document.querySelectorAll('[data-goto]').forEach(function (b) {
    b.addEventListener('click', function () { lab.goto(Number(b.getAttribute('data-goto'))); });
  });
  document.getElementById('play').addEventListener('click', function () { lab.play(); });
  document.getElementById('pause').addEventListener('click', function () { lab.pause(); });
});
