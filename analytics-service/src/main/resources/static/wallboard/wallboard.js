// The supervisors' wallboard: signs in with a bearer token, reads the board of the whole desk or
// of one department as server-sent events (GET /api/analytics/wallboard/stream), and redraws
// whenever the figures change. The token is sent as an Authorization header, never in a URL, so
// the stream is read with fetch rather than EventSource (which cannot send headers).
(() => {
  'use strict';

  const MESSAGES = window.WALLBOARD_MESSAGES;
  const LANGUAGES = Object.keys(MESSAGES);
  const TOKEN_KEY = 'crossdesk.wallboard.token';
  const LANGUAGE_KEY = 'crossdesk.wallboard.language';
  const STREAM = '/api/analytics/wallboard/stream';
  const BOARD = '/api/analytics/wallboard';
  const DESK_ROLES = ['SUPERVISOR', 'ADMIN', 'AGENT'];

  const state = {
    language: chooseLanguage(),
    token: null,
    roles: [],
    scope: '',
    departments: {},
    board: null,
    asOf: null,
    stream: null,
    retryMs: 1000,
    charts: {}
  };

  const $ = (id) => document.getElementById(id);

  function chooseLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    if (LANGUAGES.includes(asked)) {
      return asked;
    }
    const kept = localStorage.getItem(LANGUAGE_KEY);
    if (LANGUAGES.includes(kept)) {
      return kept;
    }
    return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  }

  function text(key, values) {
    const words = MESSAGES[state.language][key] ?? MESSAGES['en-US'][key] ?? key;
    return String(words).replace(/\{(\w+)\}/g, (all, name) => (values && name in values ? values[name] : all));
  }

  function words(group) {
    return MESSAGES[state.language][group] || {};
  }

  // ----- Formats ---------------------------------------------------------------------------

  function count(n) {
    return n == null ? '–' : new Intl.NumberFormat(state.language).format(n);
  }

  function percent(share) {
    return share == null ? '–' : new Intl.NumberFormat(state.language, {
      style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1
    }).format(share);
  }

  function duration(seconds) {
    if (seconds == null) {
      return '–';
    }
    const units = words('units');
    const abs = Math.abs(seconds);
    const one = new Intl.NumberFormat(state.language, { maximumFractionDigits: 1 });
    if (abs < 90) {
      return Math.round(abs) + ' ' + units.s;
    }
    if (abs < 90 * 60) {
      return Math.round(abs / 60) + ' ' + units.min;
    }
    if (abs < 48 * 3600) {
      return one.format(abs / 3600) + ' ' + units.h;
    }
    return one.format(abs / 86400) + ' ' + units.d;
  }

  function kpiValue(kpi, value) {
    if (value == null) {
      return '–';
    }
    if (kpi.endsWith('Seconds')) {
      return duration(value);
    }
    if (kpi.endsWith('shareMet') || kpi.endsWith('Rate') || kpi.endsWith('Share')) {
      return percent(value);
    }
    return new Intl.NumberFormat(state.language, { maximumFractionDigits: 2 }).format(value);
  }

  function departmentName(id) {
    if (!id || id === 'unknown') {
      return text('unknown');
    }
    const names = state.departments[id];
    if (!names) {
      return id;
    }
    return (state.language === 'zh-CN' ? names.zhCN : names.enUS) || id;
  }

  function channelName(id) {
    return id === 'unknown' ? text('unknown') : words('channels')[id] || id;
  }

  function typeName(id) {
    return id === 'unknown' ? text('unknown') : words('types')[id] || id;
  }

  function shortDay(day) {
    return day.slice(5);
  }

  // ----- Sign-in ---------------------------------------------------------------------------

  function claims(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(payload))));
    } catch (unreadable) {
      return {};
    }
  }

  function bearer() {
    return { Authorization: 'Bearer ' + state.token };
  }

  async function signIn(token) {
    // Taken with or without the scheme, as people copy it from a header or from a token answer.
    state.token = token.trim().replace(/^Bearer\s+/i, '');
    const answer = await fetch(BOARD, { headers: bearer(), cache: 'no-store' });
    if (answer.status === 401 || answer.status === 403) {
      state.token = null;
      showSignIn(answer.status === 401 ? 'badToken' : 'forbidden');
      return;
    }
    if (!answer.ok) {
      throw new Error('wallboard answered ' + answer.status);
    }
    sessionStorage.setItem(TOKEN_KEY, state.token);
    state.roles = claims(state.token).roles || [];
    showBoard();
    await loadDepartments();
    show(await answer.json());
    watch();
  }

  function signOut(reason) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    state.board = null;
    if (state.stream) {
      state.stream.abort();
      state.stream = null;
    }
    setLive('off');
    showSignIn(reason);
  }

  function showSignIn(reason) {
    $('board').hidden = true;
    $('sign-out').hidden = true;
    document.querySelector('.scope').hidden = true;
    $('sign-in').hidden = false;
    const error = $('sign-in-error');
    error.hidden = !reason;
    error.textContent = reason ? text(reason) : '';
    offerDevelopmentTokens();
  }

  function showBoard() {
    $('sign-in').hidden = true;
    $('board').hidden = false;
    $('sign-out').hidden = false;
    $('token').value = '';
  }

  /** The local stack's gateway issues development tokens; elsewhere the form stays hidden. */
  async function offerDevelopmentTokens() {
    try {
      const probe = await fetch('/dev/token', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}'
      });
      $('dev-form').hidden = !(probe.status === 400 || probe.status === 422);
    } catch (unreachable) {
      $('dev-form').hidden = true;
    }
  }

  async function developmentSignIn(form) {
    const role = form.role.value;
    const request = { sub: form.sub.value.trim(), roles: [role] };
    if (role === 'DEPARTMENT') {
      request.department = form.department.value.trim();
    }
    const answer = await fetch('/dev/token', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request)
    });
    if (!answer.ok) {
      showSignIn('badToken');
      return;
    }
    await signIn((await answer.json()).access_token);
  }

  async function loadDepartments() {
    try {
      const answer = await fetch('/api/departments', { headers: bearer() });
      if (answer.ok) {
        for (const department of await answer.json()) {
          state.departments[department.id] = department.names || {};
        }
      }
    } catch (unreachable) {
      // Department ids stand in for their names.
    }
    const select = $('scope');
    const desk = state.roles.some((role) => DESK_ROLES.includes(role));
    document.querySelector('.scope').hidden = !desk;
    if (desk) {
      fillScopes(select);
    }
  }

  function fillScopes(select) {
    const ids = Object.keys(state.departments).sort();
    select.replaceChildren(new Option(text('wholeDesk'), ''));
    for (const id of ids) {
      select.add(new Option(departmentName(id), id));
    }
    select.value = state.scope;
  }

  // ----- The live stream -------------------------------------------------------------------

  async function watch() {
    if (state.stream) {
      state.stream.abort();
    }
    const stream = new AbortController();
    state.stream = stream;
    const url = STREAM + (state.scope ? '?department=' + encodeURIComponent(state.scope) : '');
    try {
      const answer = await fetch(url, {
        headers: { ...bearer(), Accept: 'text/event-stream' }, cache: 'no-store', signal: stream.signal
      });
      if (answer.status === 401) {
        signOut('expired');
        return;
      }
      if (answer.status === 403) {
        signOut('forbidden');
        return;
      }
      if (!answer.ok) {
        throw new Error('stream answered ' + answer.status);
      }
      setLive('live');
      state.retryMs = 1000;
      await readEvents(answer.body, stream);
    } catch (broken) {
      if (stream.signal.aborted) {
        return;
      }
    }
    if (state.stream === stream && state.token) {
      // The stream ended or broke: the service restarted, or the stream reached its lifetime.
      setLive('reconnecting');
      setTimeout(() => state.stream === stream && watch(), state.retryMs);
      state.retryMs = Math.min(state.retryMs * 2, 30000);
    }
  }

  async function readEvents(body, stream) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done || stream.signal.aborted) {
        return;
      }
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith('event:')) {
            event = line.slice(6).trim();
          } else if (line.startsWith('data:')) {
            data.push(line.slice(5).replace(/^ /, ''));
          }
        }
        if (event === 'board' && data.length) {
          show(JSON.parse(data.join('\n')));
        }
      }
    }
  }

  function setLive(mode) {
    const live = $('live');
    live.dataset.state = mode;
    live.textContent = mode === 'live' ? text('live') : mode === 'reconnecting' ? text('reconnecting') : '';
  }

  // ----- Drawing ---------------------------------------------------------------------------

  function show(message) {
    state.board = message.board;
    state.asOf = message.asOf;
    draw();
  }

  function draw() {
    const board = state.board;
    if (!board) {
      return;
    }
    const today = board.figures;
    // The desk counts tickets; a department counts the steps routed to it, because a ticket counts
    // under a department only once it resolved or escalated it.
    const desk = board.department == null;
    document.body.classList.toggle('scope-department', !desk);
    heading('h-opened', desk ? 'opened' : 'stepsRouted');
    heading('h-backlog', desk ? 'backlog' : 'stepOla');
    if (desk) {
      figure('t-opened', today.opened, count(today.opened));
      sub('t-complaints', text('complaints', { n: count(today.complaintsOpened) }));
    } else {
      figure('t-opened', today.stepsRouted, count(today.stepsRouted));
      sub('t-complaints', text('stepsCompleted', { n: count(today.stepsCompleted) }));
    }
    figure('t-resolved', today.resolved, count(today.resolved));
    sub('t-fcr', text('firstContact', { n: count(today.resolvedAtFirstContact) }));
    if (desk) {
      figure('t-backlog', board.backlog.open, count(board.backlog.open));
      sub('t-oldest', board.backlog.oldestOpenedAt
        ? text('oldest', { age: duration((Date.now() - Date.parse(board.backlog.oldestOpenedAt)) / 1000) })
        : '');
      $('t-backlog').dataset.grade = '';
    } else {
      figure('t-backlog', today.stepOlaMet, percent(today.stepOlaMet));
      sub('t-oldest', text('stepReturns', { p: percent(today.stepReturnRate) }));
      $('t-backlog').dataset.grade = grade(today.stepOlaMet);
    }
    figure('t-sla', today.resolutionSlaMet, percent(today.resolutionSlaMet));
    sub('t-breached', text('breached', { n: count(today.resolutionSlaBreached) }));
    $('t-sla').dataset.grade = grade(today.resolutionSlaMet);
    figure('t-response', today.firstResponseSlaMet, percent(today.firstResponseSlaMet));
    sub('t-warnings', text('warnings', { n: count(today.slaWarnings) }));
    figure('t-escalations', today.escalations, count(today.escalations));
    sub('t-reopen', text('reopenRate', { p: percent(today.reopenRate) }));
    figure('t-satisfaction', today.satisfactionAverage,
      today.satisfactionAverage == null ? '–' : today.satisfactionAverage.toFixed(1) + ' / 5');
    sub('t-resolution-time', today.averageResolutionSeconds == null
      ? '' : text('averageResolution', { d: duration(today.averageResolutionSeconds) }));

    drawDue(board.nearestDeadlines);
    drawAlerts(board.openAlerts);
    drawAtRisk(board.customersAtRisk);
    drawRanking(board.ranking, board.scorecard);
    drawCharts(board);
    $('as-of').textContent = text('asOf', {
      t: new Date(state.asOf).toLocaleTimeString(state.language), zone: board.zone
    });
  }

  function grade(share) {
    return share == null ? '' : share >= 0.95 ? 'good' : share >= 0.85 ? 'fair' : 'poor';
  }

  function figure(id, raw, shown) {
    const element = $(id);
    const value = raw == null ? '' : String(raw);
    if (element.dataset.value !== undefined && element.dataset.value !== value) {
      element.classList.remove('changed');
      void element.offsetWidth;
      element.classList.add('changed');
    }
    element.dataset.value = value;
    element.textContent = shown;
  }

  function heading(id, key) {
    $(id).dataset.text = key;
    $(id).textContent = text(key);
  }

  function sub(id, shown) {
    $(id).textContent = shown;
  }

  function cell(row, content, className) {
    const td = row.insertCell();
    td.textContent = content;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function drawDue(due) {
    const body = $('due');
    body.replaceChildren();
    const now = Date.now();
    for (const ticket of due) {
      const row = body.insertRow();
      row.dataset.ticket = ticket.ticketNumber || ticket.ticketId;
      cell(row, ticket.ticketNumber || ticket.ticketId, 'mono');
      cell(row, typeName(ticket.type));
      cell(row, channelName(ticket.channel));
      cell(row, ticket.tier === 'unknown' ? '–' : ticket.tier);
      const left = (Date.parse(ticket.resolveBy) - now) / 1000;
      cell(row, left < 0 ? text('overdue', { d: duration(left) }) : duration(left),
        left < 0 ? 'late' : left < 3600 ? 'soon' : '');
    }
    $('due-empty').hidden = due.length > 0;
  }

  function drawAlerts(alerts) {
    const list = $('alerts');
    list.replaceChildren();
    for (const alert of alerts) {
      const item = document.createElement('li');
      item.textContent = text('alert', {
        n: alert.observed,
        category: alert.category === 'unknown' ? text('unknown') : alert.category,
        region: alert.region === 'unknown' ? text('unknown') : alert.region,
        hour: new Date(alert.hourStart).toLocaleString(state.language, {
          month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit'
        }),
        threshold: Math.floor(alert.threshold)
      });
      list.append(item);
    }
    $('alerts-empty').hidden = alerts.length > 0;
  }

  function drawAtRisk(customers) {
    const list = $('at-risk');
    list.replaceChildren();
    const reasons = words('reasons');
    for (const customer of customers) {
      const item = document.createElement('li');
      const who = document.createElement('span');
      who.className = 'mono';
      who.textContent = customer.customerId + (customer.customerTier ? ' (' + customer.customerTier + ')' : '');
      item.append(who, ' ', customer.reasons.map((code) => reasons[code] || code).join(', '));
      list.append(item);
    }
    $('at-risk-empty').hidden = customers.length > 0;
  }

  function drawRanking(ranking, scorecard) {
    const body = $('ranking');
    body.replaceChildren();
    for (const place of ranking) {
      const row = body.insertRow();
      if (place.department === state.board.department) {
        row.className = 'mine';
      }
      cell(row, place.rank);
      cell(row, departmentName(place.department));
      cell(row, place.a, 'grade-a');
      cell(row, place.b, 'grade-b');
      cell(row, place.c, 'grade-c');
      cell(row, place.points == null ? '–' : place.points.toFixed(2));
    }
    $('ranking-empty').hidden = ranking.length > 0;
    $('scorecard').hidden = !scorecard;
    if (scorecard) {
      const lines = $('scorecard-lines');
      lines.replaceChildren();
      const names = words('kpis');
      for (const line of scorecard.lines) {
        const row = lines.insertRow();
        cell(row, names[line.kpi] || line.kpi);
        cell(row, kpiValue(line.kpi, line.value));
        cell(row, kpiValue(line.kpi, line.previous));
        cell(row, kpiValue(line.kpi, line.target));
        cell(row, line.grade || '–', line.grade ? 'grade-' + line.grade.toLowerCase() : '');
        cell(row, line.trend ? text(line.trend) : '–');
      }
    }
  }

  // ----- Charts ----------------------------------------------------------------------------

  function chart(id) {
    if (!state.charts[id]) {
      state.charts[id] = echarts.init($(id), 'dark', {
        locale: state.language === 'zh-CN' ? 'ZH' : 'EN'
      });
    }
    return state.charts[id];
  }

  /** The charts' text follows the page's, which grows with the screen. */
  function base() {
    const size = Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.75);
    return {
      backgroundColor: 'transparent',
      animationDuration: 300,
      textStyle: { fontSize: size },
      grid: { left: size * 4, right: size, top: size * 3, bottom: size * 2.2 },
      tooltip: { trigger: 'axis', textStyle: { fontSize: size } },
      legend: { type: 'scroll', top: 0, textStyle: { fontSize: size }, itemHeight: size }
    };
  }

  function drawCharts(board) {
    const BASE = base();
    const ages = board.backlog;
    chart('ages-chart').setOption({
      ...BASE,
      legend: { show: false },
      tooltip: { ...BASE.tooltip, trigger: 'item' },
      xAxis: {
        type: 'category',
        axisLabel: { interval: 0 },
        data: [text('ageUnderOneDay'), text('ageOneToFive'), text('ageFiveToTen'), text('ageOverTen')]
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{
        type: 'bar',
        data: [ages.underOneDay, ages.oneToFiveDays, ages.fiveToTenDays, ages.overTenDays],
        itemStyle: { color: (item) => ['#4caf87', '#e0b341', '#e07b39', '#d9534f'][item.dataIndex] }
      }]
    }, true);

    const departments = board.byDepartment;
    const days = departments.days.map(shortDay);
    chart('department-chart').setOption({
      ...BASE,
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: Object.entries(departments.groups).map(([id, series]) => ({
        name: departmentName(id), type: 'bar', stack: 'routed', data: series.stepsRouted
      }))
    }, true);

    chart('sla-chart').setOption({
      ...BASE,
      tooltip: { ...BASE.tooltip, valueFormatter: (value) => percent(value) },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (value) => Math.round(value * 100) + '%' } },
      series: Object.entries(departments.groups).map(([id, series]) => ({
        name: departmentName(id), type: 'line', connectNulls: false, showSymbol: true,
        data: series.resolutionSlaMet
      }))
    }, true);

    const channels = board.byChannel;
    chart('channel-chart').setOption({
      ...BASE,
      xAxis: { type: 'category', data: channels.days.map(shortDay) },
      yAxis: { type: 'value', minInterval: 1 },
      series: Object.entries(channels.groups).map(([id, series]) => ({
        name: channelName(id), type: 'line', data: series.opened
      }))
    }, true);
  }

  function resetCharts() {
    Object.values(state.charts).forEach((made) => made.dispose());
    state.charts = {};
  }

  // ----- Language, clock, start ------------------------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = state.language;
    document.title = 'Crossdesk · ' + text('title');
    for (const element of document.querySelectorAll('[data-text]')) {
      element.textContent = text(element.dataset.text);
    }
    $('language').textContent = state.language === 'zh-CN' ? 'English' : '中文';
    if (state.token) {
      fillScopes($('scope'));
      setLive($('live').dataset.state);
    }
    resetCharts();
    draw();
  }

  function tick() {
    const now = new Date();
    $('clock').textContent = now.toLocaleString(state.language, {
      weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'
    });
    if (state.board && now.getSeconds() % 5 === 0) {
      drawDue(state.board.nearestDeadlines);
    }
  }

  function start() {
    $('language').addEventListener('click', () => {
      state.language = state.language === 'zh-CN' ? 'en-US' : 'zh-CN';
      localStorage.setItem(LANGUAGE_KEY, state.language);
      applyLanguage();
    });
    $('sign-out').addEventListener('click', () => signOut());
    $('scope').addEventListener('change', (event) => {
      state.scope = event.target.value;
      resetCharts();
      watch();
    });
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      signIn($('token').value).catch(() => showSignIn('badToken'));
    });
    $('dev-form').addEventListener('submit', (event) => {
      event.preventDefault();
      developmentSignIn(event.target).catch(() => showSignIn('badToken'));
    });
    let resized;
    window.addEventListener('resize', () => {
      clearTimeout(resized);
      // Redrawn rather than stretched: the charts' text follows the page's size.
      resized = setTimeout(() => {
        resetCharts();
        draw();
      }, 200);
    });
    applyLanguage();
    tick();
    setInterval(tick, 1000);

    // A wall screen can be set up with the token in the address's fragment, which never leaves
    // the browser; it is taken from there and the address cleaned.
    const fragment = new URLSearchParams(location.hash.slice(1));
    const given = fragment.get('token') || sessionStorage.getItem(TOKEN_KEY);
    if (fragment.has('token')) {
      history.replaceState(null, '', location.pathname + location.search);
    }
    if (given) {
      signIn(given).catch(() => showSignIn('badToken'));
    } else {
      showSignIn();
    }
  }

  start();
})();
