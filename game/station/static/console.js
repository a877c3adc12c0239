// The live class console. Everything shown comes from the station's WebSocket and is set
// with textContent (never innerHTML), so a trainee's name can never become markup.
"use strict";

const cards = new Map(); // trainee link id -> {data, el}
let selected = null;
let socket = null;

function el(name, attrs = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key === "cls") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function send(message) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function status(text) { document.getElementById("status").textContent = text; }

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws/console`);
  socket.onopen = () => status("Connected. Waiting for trainees…");
  socket.onclose = () => { status("The station is not answering; retrying…"); setTimeout(connect, 1000); };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
}

function receive(message) {
  switch (message.type) {
    case "roster":
      cards.clear();
      document.getElementById("cards").replaceChildren();
      message.trainees.forEach(upsert);
      break;
    case "joined": upsert(message.card); break;
    case "left": update(message.trainee, (d) => { d.connected = false; }); break;
    case "state":
      update(message.trainee, (d) => {
        d.state = message.state; d.connected = true;
        d.trust.push(message.state.trust); if (d.trust.length > 60) d.trust.shift();
        d.track.push(message.state.officer); if (d.track.length > 60) d.track.shift();
      });
      break;
    case "mark": update(message.trainee, (d) => d.marks.push(message.mark)); break;
    case "uploaded": update(message.trainee, (d) => { d.sessions = message.sessions; }); break;
    case "error": status(`The station refused that: ${message.error}`); break;
  }
  const count = cards.size;
  if (count && message.type !== "error") status(`${count} trainee${count === 1 ? "" : "s"} in the class.`);
}

function upsert(card) {
  const known = cards.get(card.trainee);
  if (known) { Object.assign(known.data, card); draw(known); return; }
  const entry = { data: card, el: el("article", { cls: "card", "data-trainee": card.name, tabindex: "0" }) };
  entry.el.addEventListener("click", () => select(card.trainee));
  entry.el.addEventListener("keydown", (e) => { if (e.key === "Enter") select(card.trainee); });
  cards.set(card.trainee, entry);
  document.getElementById("cards").append(entry.el);
  draw(entry);
  drawEveryone();
}

function update(id, change) {
  const entry = cards.get(id);
  if (!entry) return;
  change(entry.data);
  draw(entry);
}

function trend(values) {
  if (values.length < 2) return ["", ""];
  const delta = values[values.length - 1] - values[0];
  if (Math.abs(delta) < 0.05) return ["→ steady", ""];
  return delta > 0 ? [`▲ +${delta.toFixed(1)}`, "up"] : [`▼ ${delta.toFixed(1)}`, "down"];
}

function row(label, value, cls = "") {
  return el("div", { cls: "row" }, el("span", { text: label }), el("b", { text: value, cls }));
}

function draw(entry) {
  const d = entry.data, s = d.state;
  entry.el.classList.toggle("away", !d.connected);
  entry.el.classList.toggle("selected", selected === d.trainee);
  const badges = el("span");
  if (!d.connected) badges.append(el("span", { cls: "badge", text: "away" }));
  if (s && s.paused) badges.append(el("span", { cls: "badge paused", text: "paused" }));
  if (s && s.finished) badges.append(el("span", { cls: "badge finished", text: "shift over" }));
  const [trendText, trendCls] = trend(d.trust);
  const parts = [el("h3", { text: d.name }), el("div", { cls: "note", text: d.title }), badges];
  if (s) {
    parts.push(row("Clock", s.clock), row("Trust", `${s.trust.toFixed(1)} ${trendText}`, trendCls),
      row("Safety", s.safety.toFixed(0)), row("Calls waiting", String(s.calls_waiting),
        s.calls_waiting ? "down" : ""),
      row("Officer", s.in_car ? "in the car" : "on foot"));
  } else {
    parts.push(el("p", { cls: "note", text: "No live state yet." }));
  }
  parts.push(minimap(d, 220));
  entry.el.replaceChildren(...parts);
  if (selected === d.trainee) drawDetail();
}

function minimap(d, width) {
  const [w, h] = d.map;
  const canvas = el("canvas", { width: String(width), height: String(Math.max(40, Math.round(width * h / w))) });
  const g = canvas.getContext("2d"), sx = canvas.width / w, sy = canvas.height / h;
  (d.roads || []).forEach((line, y) => {
    for (let x = 0; x < line.length; x++) {
      if (line[x] === " ") continue;
      g.fillStyle = line[x] === "#" ? "#b9ad9c" : "#ddd3c3";
      g.fillRect(x * sx, y * sy, Math.ceil(sx), Math.ceil(sy));
    }
  });
  g.strokeStyle = "#d55e00"; g.lineWidth = 2; g.beginPath();
  d.track.forEach(([x, y], k) => (k ? g.lineTo(x * sx, y * sy) : g.moveTo(x * sx, y * sy)));
  g.stroke();
  if (d.state) {
    const [x, y] = d.state.officer;
    g.fillStyle = d.state.in_car ? "#0072b2" : "#d55e00";
    g.beginPath(); g.arc(x * sx, y * sy, 5, 0, 2 * Math.PI); g.fill();
  }
  return canvas;
}

function poolSelect(pool, id) {
  const select = el("select", { id, "aria-label": "Call to inject" });
  pool.forEach((entry, k) => select.append(el("option", { value: String(k), text: entry.label })));
  return select;
}

function eventActions(target, events, prefix) {
  if (!events || !events.length) return [];
  const select = el("select", { id: `${prefix}-events`, "aria-label": "Event to start now" });
  events.forEach((entry, k) => select.append(el("option", { value: String(k), text: entry.label })));
  const start = el("button", { id: `${prefix}-start-event`, text: "Start event now" });
  start.onclick = () => {
    const entry = events[Number(select.value)];
    if (entry) send({ type: "inject_event", target, event: entry.event });
  };
  return [el("div", {}, select, start)];
}

function markText(action) {
  if (action.kind === "flag") return `flag: ${action.note}`;
  if (action.kind === "inject_event") return `event: ${action.event}`;
  return `call: ${action.call_kind || action.source} at ${action.place || "its place"}`;
}

function actions(target, pool, prefix, events) {
  const select = poolSelect(pool, `${prefix}-pool`);
  const inject = el("button", { id: `${prefix}-inject`, text: "Inject call" });
  inject.onclick = () => {
    const entry = pool[Number(select.value)];
    if (entry) send({ type: "inject", target, source: entry.source, call_kind: entry.call_kind, place: entry.place });
  };
  const note = el("input", { type: "text", id: `${prefix}-note`, maxlength: "500", placeholder: "What to look at in the debrief" });
  const flag = el("button", { id: `${prefix}-flag`, text: "Flag this moment" });
  flag.onclick = () => { if (note.value.trim()) { send({ type: "flag", target, note: note.value.trim() }); note.value = ""; } };
  const pause = el("button", { id: `${prefix}-pause`, text: "Pause" });
  pause.onclick = () => send({ type: "pause", target });
  const resume = el("button", { id: `${prefix}-resume`, text: "Resume" });
  resume.onclick = () => send({ type: "resume", target });
  return el("div", { cls: "actions" }, el("div", {}, select, inject), ...eventActions(target, events, prefix),
    el("div", {}, note, flag),
    el("div", {}, pause, resume));
}

function drawEveryone() {
  const first = cards.values().next().value;
  const box = document.getElementById("everyone");
  if (!first) { box.replaceChildren(); return; }
  if (box.dataset.ready) return;
  box.dataset.ready = "1";
  box.replaceChildren(el("b", { text: "Everyone:" }), actions("*", first.data.pool, "all", first.data.events));
}

function select(id) {
  selected = selected === id ? null : id;
  for (const entry of cards.values()) entry.el.classList.toggle("selected", selected === entry.data.trainee);
  drawDetail(true);
}

function drawDetail(rebuild = false) {
  const box = document.getElementById("detail");
  const entry = selected && cards.get(selected);
  if (!entry) { box.hidden = true; box.replaceChildren(); return; }
  const d = entry.data, s = d.state;
  box.hidden = false;
  if (rebuild || !box.dataset.for || box.dataset.for !== d.trainee) {
    box.dataset.for = d.trainee;
    box.replaceChildren(el("h2", { text: `${d.name} · ${d.title}` }), el("div", { id: "detail-live" }),
      actions(d.trainee, d.pool, "one", d.events), el("h3", { text: "The instructor's marks" }),
      el("ul", { id: "detail-marks", cls: "marks" }), el("h3", { text: "Saved sessions" }),
      el("ul", { id: "detail-sessions" }));
  }
  const live = document.getElementById("detail-live");
  live.replaceChildren(
    s ? el("p", { text: `${s.clock} · ${s.minutes_left.toFixed(0)} min left · trust ${s.trust.toFixed(1)} · ` +
      `safety ${s.safety.toFixed(0)} · ${s.calls_waiting} calls waiting` +
      `${s.responding ? " (responding)" : ""} · ${s.in_car ? "in the car" : "on foot"} · ${s.activity}` +
      `${s.score === null ? "" : ` · score ${s.score.toFixed(0)}`}` }) : el("p", { text: "No live state yet." }),
    minimap(d, 480));
  document.getElementById("detail-marks").replaceChildren(...d.marks.map((m) => el("li", {
    cls: m.ok ? "" : "refused",
    text: `${m.clock} ${markText(m.action)}` +
      (m.ok ? "" : ` (refused: ${m.error})`),
  })));
  document.getElementById("detail-sessions").replaceChildren(...d.sessions.map((id) =>
    el("li", {}, el("a", { href: `/report/${id}`, text: `Session ${id} report` }))));
}

connect();
