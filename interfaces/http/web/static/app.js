// scenegen demo page: submit a description, follow the job (event stream, or polling), show
// the SVG map the generator drew (the job's scene.svg, the same picture the CLI and the API
// give). Plain JavaScript, no build step, nothing from another origin.
"use strict";

(function () {
  const POLL_MS = 500;
  const RECENT_KEY = "scenegen.recentJobs";
  const RECENT_MAX = 8;
  const API_KEY = "scenegen.apiKey"; // sessionStorage only: gone when the browser session ends
  const FIELDS = ["prompt", "seed", "width", "height"];
  const TERMINAL = ["done", "failed", "canceled"];
  const STEP_TITLES = {
    parse_prompt: "Read the description",
    layout: "Lay out the things",
    build_scene_graph: "Build the scene graph",
    render_minimap: "Draw the minimap and the map",
    store_artifacts: "Store the results",
  };
  const PHONE = "(max-width: 959px)";

  const $ = (id) => document.getElementById(id);
  let job = null; // the job on screen: {id, steps: Map, status, submittedAt, stop}
  let downloadUrls = [];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  // ---- API keys (AUTH_MODE=api-keys) -------------------------------------------------------

  function apiKey() {
    try {
      return sessionStorage.getItem(API_KEY);
    } catch (error) {
      return null;
    }
  }

  /** fetch() with the session's API key, if one was given; a 401 asks for another key. */
  async function api(url, options) {
    const init = { ...(options || {}) };
    const key = apiKey();
    if (key) init.headers = { ...(init.headers || {}), Authorization: "Bearer " + key };
    const response = await fetch(url, init);
    if (response.status === 401) askForKey(key ? "The service refused this key; enter another." : null);
    return response;
  }

  function askForKey(message) {
    $("key-form").hidden = false;
    $("key-message").textContent = message || "This service needs an API key.";
  }

  function saveKey(event) {
    event.preventDefault();
    const key = $("api-key").value.trim();
    if (!key) return;
    try {
      sessionStorage.setItem(API_KEY, key);
    } catch (error) {
      $("key-message").textContent = "This browser keeps no session storage: the key cannot be kept.";
      return;
    }
    $("api-key").value = "";
    $("key-message").textContent = "Key kept for this browser session.";
    $("forget-key").hidden = false;
    listMyJobs();
    openFromLocation();
  }

  function forgetKey() {
    try {
      sessionStorage.removeItem(API_KEY);
    } catch (error) {
      // Nothing was kept.
    }
    $("forget-key").hidden = true;
    $("mine").hidden = true;
    askForKey("Key forgotten.");
  }

  /** "My jobs": the key's own jobs, newest first, from GET /jobs. */
  async function listMyJobs() {
    if (!apiKey()) return;
    try {
      const response = await api("/jobs?limit=10", { cache: "no-store", headers: { Accept: "application/json" } });
      const page = await readJson(response);
      if (!response.ok || !page) return;
      $("mine").hidden = false;
      $("mine-empty").hidden = page.items.length > 0;
      $("mine-list").replaceChildren(
        ...page.items.map((view) =>
          el(
            "li",
            {},
            el("a", { href: permalink(view.id), text: (view.request && view.request.prompt) || view.id }),
            " ",
            el("span", { class: "when", text: `${view.status} · ${clock(view.createdAt)}` })
          )
        )
      );
    } catch (error) {
      // The list is a convenience: the form and the job view work without it.
    }
  }

  function words(identifier) {
    return String(identifier).replace(/_/g, " ");
  }

  // ---- the form ----------------------------------------------------------------------------

  function clearErrors() {
    for (const field of FIELDS) {
      const message = $(field + "-error");
      message.hidden = true;
      message.textContent = "";
      $(field).removeAttribute("aria-invalid");
    }
    $("form-error").hidden = true;
    $("form-error").textContent = "";
  }

  function showFieldError(field, message) {
    const target = $(field + "-error");
    target.textContent = (target.textContent ? target.textContent + " " : "") + capitalised(message);
    target.hidden = false;
    $(field).setAttribute("aria-invalid", "true");
  }

  function capitalised(text) {
    const value = String(text || "");
    return value.charAt(0).toUpperCase() + value.slice(1) + (/[.!?]$/.test(value) ? "" : ".");
  }

  function showFormError(text) {
    $("form-error").textContent = text;
    $("form-error").hidden = false;
  }

  function focusFirstInvalid() {
    const invalid = FIELDS.map($).find((node) => node.getAttribute("aria-invalid") === "true");
    (invalid || $("form-error")).focus();
  }

  /** RFC 9457 problem details: field errors next to their fields, the rest above the button. */
  function showProblem(problem, status) {
    const errors = Array.isArray(problem && problem.errors) ? problem.errors : [];
    let placed = 0;
    for (const error of errors) {
      if (FIELDS.includes(error.field)) {
        showFieldError(error.field, error.message);
        placed += 1;
      }
    }
    const unplaced = errors.filter((error) => !FIELDS.includes(error.field));
    if (placed === 0 || unplaced.length) {
      const title = (problem && problem.title) || "HTTP " + status;
      const detail = (problem && problem.detail) || "";
      const extra = unplaced.map((e) => `${e.field || e.source}: ${e.message}`).join("; ");
      showFormError([title, detail, extra].filter(Boolean).join(": "));
    }
    focusFirstInvalid();
  }

  function readForm() {
    const body = { prompt: $("prompt").value };
    let ok = true;
    for (const field of ["seed", "width", "height"]) {
      const input = $(field);
      if (input.validity.badInput) {
        showFieldError(field, "must be a whole number");
        ok = false;
      } else if (input.value.trim() !== "") {
        body[field] = Number(input.value);
      }
    }
    return ok ? body : null;
  }

  async function submit(event) {
    event.preventDefault();
    clearErrors();
    const body = readForm();
    if (body === null) {
      focusFirstInvalid();
      return;
    }
    const button = $("generate");
    button.disabled = true;
    const submittedAt = performance.now();
    try {
      const response = await api("/generate", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      const answer = await readJson(response);
      if (!response.ok) {
        showProblem(answer, response.status);
        return;
      }
      remember({ id: answer.id, prompt: body.prompt.trim(), status: answer.status });
      listMyJobs();
      history.pushState({ job: answer.id }, "", permalink(answer.id));
      openJob(answer, { submittedAt, request: body });
    } catch (error) {
      showFormError("The service did not answer (" + error.message + "). Is it running?");
    } finally {
      button.disabled = false;
    }
  }

  async function readJson(response) {
    const type = response.headers.get("Content-Type") || "";
    if (!type.includes("json")) return null;
    try {
      return await response.json();
    } catch (error) {
      return null;
    }
  }

  function permalink(id) {
    return "/?job=" + encodeURIComponent(id);
  }

  /** A permalink opened: the form holds the job's prompt and settings, ready to vary. */
  function fillForm(request) {
    if (!request) return;
    clearErrors();
    $("prompt").value = request.prompt || "";
    $("prompt-count").textContent = String($("prompt").value.length);
    for (const field of ["seed", "width", "height"]) {
      if (request[field] !== undefined && request[field] !== null) $(field).value = String(request[field]);
    }
  }

  // ---- following a job -----------------------------------------------------------------------

  function openJob(view, options) {
    stopFollowing();
    job = {
      id: view.id,
      steps: new Map(),
      status: null,
      submittedAt: (options && options.submittedAt) || null,
      cancelUrl: view.cancelUrl || null,
      stop: null,
    };
    $("intro").hidden = true;
    $("job").hidden = false;
    $("result").hidden = true;
    $("job-message").hidden = true;
    $("job-timing").hidden = true;
    $("steps").replaceChildren();
    $("steps-title").hidden = true;
    $("job-id").textContent = view.id;
    $("permalink").href = permalink(view.id);
    showRequest(view.request || (options && options.request) || null);
    // One column (phones): the job is below the form, so bring it into view.
    if (window.matchMedia(PHONE).matches) $("job").scrollIntoView({ block: "start" });
    applyView(view);
    if (view.status && !TERMINAL.includes(view.status)) follow(view);
  }

  function stopFollowing() {
    if (job && job.stop) job.stop();
    if (job) job.stop = null;
  }

  function follow(view) {
    const id = job.id;
    // An EventSource cannot send an Authorization header: with a key, the page polls.
    if (view.eventsUrl && "EventSource" in window && !apiKey()) stream(id, view.eventsUrl, view.statusUrl);
    else poll(id, view.statusUrl || "/status/" + encodeURIComponent(id));
  }

  function stream(id, eventsUrl, statusUrl) {
    const source = new EventSource(eventsUrl);
    let finished = false;
    job.stop = () => source.close();
    const current = () => job && job.id === id;
    source.addEventListener("step", (event) => {
      if (current()) addStep(JSON.parse(event.data));
    });
    source.addEventListener("status", (event) => {
      if (current()) setStatus(JSON.parse(event.data).status);
    });
    for (const name of TERMINAL) {
      source.addEventListener(name, (event) => {
        finished = true;
        source.close();
        if (current()) applyView(JSON.parse(event.data));
      });
    }
    source.addEventListener("error", () => {
      if (finished || !current()) return;
      // The stream broke (or is not offered after all): poll instead of reconnecting.
      source.close();
      poll(id, statusUrl || "/status/" + encodeURIComponent(id));
    });
  }

  function poll(id, statusUrl) {
    let timer = null;
    let stopped = false;
    let failures = 0;
    job.stop = () => {
      stopped = true;
      clearTimeout(timer);
    };
    const tick = async () => {
      if (stopped) return;
      try {
        const response = await api(statusUrl, { cache: "no-store", headers: { Accept: "application/json" } });
        const view = await readJson(response);
        if (stopped) return;
        if (!response.ok) {
          showJobProblem(view, response.status);
          return;
        }
        failures = 0;
        applyView(view);
        if (TERMINAL.includes(view.status)) return;
      } catch (error) {
        failures += 1;
        if (failures > 20) {
          showJobMessage("Lost contact with the service: " + error.message, "failed");
          return;
        }
      }
      timer = setTimeout(tick, failures ? Math.min(5000, POLL_MS * 2 ** failures) : POLL_MS);
    };
    tick();
  }

  function showJobProblem(problem, status) {
    const detail = (problem && (problem.detail || problem.title)) || "HTTP " + status;
    const hint =
      status === 404
        ? " In demo mode jobs live in the server's memory, so a restart forgets them."
        : "";
    setStatus(status === 404 ? "unknown" : "error");
    showJobMessage(detail + hint, "failed");
  }

  /** A status view (GET /status, or a stream's final event): steps, status, result, error. */
  function applyView(view) {
    if (view.cancelUrl) job.cancelUrl = view.cancelUrl;
    if (view.request) showRequest(view.request);
    if (Array.isArray(view.steps)) for (const step of view.steps) addStep(step);
    setStatus(view.status);
    if (view.status === "done" && view.result) showResult(view.result);
    else if (view.status === "failed") {
      const error = view.error || {};
      const where = error.step ? `at step ${error.step}` : "";
      showJobMessage(`The job failed ${where}: ${error.message || "no reason given"}`, "failed");
    } else if (view.status === "canceled") {
      showJobMessage("The job was canceled before it finished.", "canceled");
    }
    if (TERMINAL.includes(view.status)) stopFollowing();
  }

  function showRequest(request) {
    if (!request) return;
    const size = `${request.width} × ${request.height}`;
    const seed = request.seed === undefined || request.seed === null ? "random" : request.seed;
    $("job-request").textContent = `“${request.prompt}” · seed ${seed} · ${size} cells`;
  }

  function setStatus(status) {
    if (!status || !job) return;
    job.status = status;
    const badge = $("job-status");
    badge.textContent = status;
    badge.className = "status status-" + status;
    $("cancel").hidden = !(job.cancelUrl && (status === "queued" || status === "running"));
    updateRecent(job.id, status);
  }

  function showJobMessage(text, kind) {
    const box = $("job-message");
    box.textContent = text;
    box.className = "job-message " + kind;
    box.hidden = false;
  }

  function addStep(step) {
    if (!step || !step.name) return;
    const previous = job.steps.get(step.name);
    const rank = { started: 0, succeeded: 1, failed: 1 };
    if (!previous || rank[step.phase] >= rank[previous.phase]) job.steps.set(step.name, step);
    renderSteps();
  }

  function renderSteps() {
    const items = [];
    for (const [name, step] of job.steps) {
      const state = { started: "running", succeeded: "done", failed: "failed" }[step.phase] || step.phase;
      const item = el(
        "li",
        { class: step.phase, "data-step": name },
        el("span", { class: "name", text: STEP_TITLES[name] || words(name) }),
        " ",
        el("code", { text: name }),
        " ",
        el("span", { class: "state", text: state })
      );
      if (typeof step.durationMs === "number") {
        item.append(" ", el("span", { class: "duration", text: `in ${step.durationMs} ms` }));
      }
      if (step.error) item.append(": ", el("span", { class: "step-error", text: step.error }));
      items.push(item);
    }
    $("steps").replaceChildren(...items);
    $("steps-title").hidden = items.length === 0;
  }

  async function cancel() {
    if (!job || !job.cancelUrl) return;
    const button = $("cancel");
    button.disabled = true;
    try {
      const response = await api(job.cancelUrl, { method: "POST", headers: { Accept: "application/json" } });
      const view = await readJson(response);
      if (response.ok && view) applyView(view);
      else showJobMessage((view && (view.detail || view.title)) || "HTTP " + response.status, "failed");
    } catch (error) {
      showJobMessage("The service did not answer: " + error.message, "failed");
    } finally {
      button.disabled = false;
    }
  }

  // ---- the result ----------------------------------------------------------------------------

  function artifactUrl(id, name) {
    return "/status/" + encodeURIComponent(id) + "/" + name;
  }

  function showResult(result) {
    for (const url of downloadUrls) URL.revokeObjectURL(url);
    downloadUrls = [];
    $("result").hidden = false;
    // The map is read from this origin in both modes: in persistent mode `sceneSvgUrl` is a
    // presigned URL on the bucket's origin, which this page's Content-Security-Policy refuses.
    $("download-svg").href = artifactUrl(job.id, "scene.svg");
    if (result.sceneGraph) {
      drawResult(job.id, result.sceneGraph, result.asciiMinimap || "");
      link("download-graph", JSON.stringify(result.sceneGraph, null, 2) + "\n", "application/json");
      link("download-minimap", result.asciiMinimap || "", "text/plain");
    } else {
      readArtifacts(job.id);
    }
  }

  /** The map, the minimap, the quality and the report, the same in both modes. */
  function drawResult(id, graph, minimap) {
    $("result-note").hidden = true;
    $("views").hidden = false;
    const nodes = flatten(graph.root.children, 0, []);
    showPicture(id, graph, nodes.length);
    $("minimap").textContent = minimap;
    showQuality(graph.quality, graph.theme);
    showReport(graph);
    listThings(nodes);
  }

  /**
   * The generator's own SVG map, as an image: its bytes are the job's scene.svg, never markup
   * built here, and as an <img> it can run nothing and reach nothing whatever it holds.
   */
  function showPicture(id, graph, count, attempt = 0) {
    const picture = $("scene-picture");
    const { width, height } = graph.bounds;
    picture.alt =
      `Map of the scene (${words(graph.theme)}): ${count} things on ${width} × ${height} cells, ` +
      "north up, with labels and a legend. The list of things follows the report.";
    picture.dataset.state = "loading";
    picture.onload = () => {
      if (!job || job.id !== id) return;
      picture.dataset.state = "loaded";
      drawn();
      // One column (phones): the picture is what the visitor came for; show it first.
      if (window.matchMedia(PHONE).matches) $("scene-figure").scrollIntoView({ block: "start" });
    };
    picture.onerror = () => {
      if (!job || job.id !== id) return;
      if (attempt < 2) {
        // The artifact store may be briefly unavailable (503 with Retry-After): try again.
        picture.removeAttribute("src");
        setTimeout(() => showPicture(id, graph, count, attempt + 1), 1000 * (attempt + 1));
        return;
      }
      picture.dataset.state = "failed";
      $("scene-caption").textContent =
        "The map could not be read; the minimap and the report show the same scene.";
    };
    if (apiKey()) showKeyedPicture(picture, id);
    else picture.src = artifactUrl(id, "scene.svg");
    $("scene-caption").textContent = `${words(graph.theme)}, ${width} × ${height} cells, seed ${graph.seed}`;
  }

  /** With a key the <img> cannot send it: read the map with it, show and link it as a blob:. */
  async function showKeyedPicture(picture, id) {
    try {
      const response = await api(artifactUrl(id, "scene.svg"), { headers: { Accept: "image/svg+xml" } });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const url = URL.createObjectURL(await response.blob());
      downloadUrls.push(url);
      if (!job || job.id !== id) return;
      $("download-svg").href = url;
      picture.src = url;
    } catch (error) {
      if (picture.onerror) picture.onerror();
    }
  }

  /**
   * How much of what was asked the scene shows. Green: all or nearly all (90 %) of the things
   * and relations asked for; amber: some of them missing, or words read as nothing; red: most
   * of them missing (under half), or nothing known named (a default place stood in).
   */
  function qualityLevel(quality) {
    const asked = quality.thingsAsked + quality.relationsStated;
    const met = quality.thingsPlaced + quality.relationsHeld;
    const share = asked ? met / asked : 1;
    const ratio = (part, whole) => (whole ? part / whole : 1);
    const worst = Math.min(
      ratio(quality.thingsPlaced, quality.thingsAsked),
      ratio(quality.relationsHeld, quality.relationsStated)
    );
    if (quality.defaultPlace || share < 0.5) return "poor";
    if (worst < 0.9 || (quality.wordsNotUnderstood || []).length) return "partial";
    return "good";
  }

  const QUALITY_WORDS = { good: "As asked", partial: "Partly as asked", poor: "Mostly not as asked" };

  function showQuality(quality, theme) {
    const badge = $("quality");
    if (!quality) {
      badge.hidden = true;
      return;
    }
    const level = qualityLevel(quality);
    const parts = [
      `${quality.thingsPlaced} of ${quality.thingsAsked} things placed`,
      `${quality.relationsHeld} of ${quality.relationsStated} relations held`,
    ];
    const unknown = quality.wordsNotUnderstood || [];
    if (unknown.length) {
      parts.push(`${unknown.length} ${unknown.length === 1 ? "word" : "words"} not understood: ${unknown.slice(0, 5).join(", ")}`);
    }
    if (quality.defaultPlace) parts.push(`a default ${words(theme)} drawn (nothing known named)`);
    badge.replaceChildren(
      el("strong", { text: QUALITY_WORDS[level] }),
      ": " + parts.join(" · ")
    );
    badge.className = "quality quality-" + level;
    badge.dataset.level = level;
    badge.hidden = false;
  }

  function clearResult(note) {
    $("views").hidden = true;
    $("scene-picture").removeAttribute("src");
    $("scene-picture").alt = "";
    $("minimap").textContent = "";
    $("quality").hidden = true;
    $("relations").replaceChildren();
    $("warnings").replaceChildren();
    $("relations-summary").textContent = "";
    $("things").hidden = true;
    $("result-note").textContent = note;
    $("result-note").hidden = false;
  }

  /**
   * Persistent mode: the result holds presigned URLs on the bucket's origin, which this page's
   * Content-Security-Policy does not let it fetch (and the bucket has no CORS rule). The API
   * serves the same files from this origin: read them there, and link them there too (no
   * expiry, and `download` works on a same-origin link).
   */
  async function readArtifacts(id, attempt = 0) {
    const graphUrl = artifactUrl(id, "scene-graph.json");
    const minimapUrl = artifactUrl(id, "minimap.txt");
    const current = () => job && job.id === id;
    if (!current()) return;
    $("download-graph").href = graphUrl;
    $("download-minimap").href = minimapUrl;
    clearResult("Reading the scene from the service…");
    try {
      const [graphResponse, minimapResponse] = await Promise.all([
        api(graphUrl, { headers: { Accept: "application/json" } }),
        api(minimapUrl, { headers: { Accept: "text/plain" } }),
      ]);
      const refused = [graphResponse, minimapResponse].find((response) => !response.ok);
      if (refused && refused.status === 503 && attempt < 3 && current()) {
        // The artifact store did not answer: try again when the service says to.
        const seconds = Math.min(5, Number(refused.headers.get("Retry-After")) || 2);
        setTimeout(() => readArtifacts(id, attempt + 1), seconds * 1000);
        return;
      }
      if (refused) {
        const problem = await readJson(refused);
        const detail = (problem && (problem.detail || problem.title)) || "HTTP " + refused.status;
        if (current()) clearResult("The scene could not be read: " + detail);
        return;
      }
      const graph = await graphResponse.json();
      const minimap = await minimapResponse.text();
      if (!current()) return;
      if (apiKey()) {
        // A plain link would not carry the key: link the bytes read with it.
        link("download-graph", JSON.stringify(graph, null, 2) + "\n", "application/json");
        link("download-minimap", minimap, "text/plain");
      }
      drawResult(id, graph, minimap);
    } catch (error) {
      if (current()) clearResult("The scene could not be read: " + error.message);
    }
  }

  function link(id, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    downloadUrls.push(url);
    $(id).href = url;
  }

  function drawn() {
    if (!job.submittedAt) return;
    const ms = Math.round(performance.now() - job.submittedAt);
    const timing = $("job-timing");
    timing.textContent = `Scene drawn ${ms} ms after Generate.`;
    timing.dataset.ms = String(ms);
    timing.hidden = false;
    job.submittedAt = null;
  }

  function flatten(children, depth, out) {
    for (const node of children || []) {
      out.push({ node, depth });
      flatten(node.children, depth + 1, out);
    }
    return out;
  }

  /** `house-2` before `house-10`, without localeCompare (its first call loads ICU). */
  function byId(left, right) {
    const [leftKind, leftNumber] = left.split("-");
    const [rightKind, rightNumber] = right.split("-");
    if (leftKind !== rightKind) return leftKind < rightKind ? -1 : 1;
    return Number(leftNumber) - Number(rightNumber);
  }

  function listThings(nodes) {
    const items = nodes
      .slice()
      .sort((a, b) => byId(a.node.id, b.node.id))
      .map(({ node }) => {
        const t = node.transform;
        const where = node.path ? `${node.path.length} cells` : `${t.width} × ${t.height} cells`;
        return el(
          "li",
          { "data-id": node.id },
          el("strong", { text: node.label }),
          ` ${node.id}: ${node.layer} at x ${t.x}, y ${t.y}, ${where}`
        );
      });
    $("things-list").replaceChildren(...items);
    $("things-count").textContent = String(items.length);
    $("things").hidden = false;
  }

  function relationText(relation) {
    const objects = (relation.objects || []).join(" and ");
    const argument = relation.argument ? ` (${words(relation.argument)})` : "";
    return [relation.subject, words(relation.predicate), objects].filter(Boolean).join(" ") + argument;
  }

  function showReport(graph) {
    const relations = graph.relations || [];
    const held = relations.filter((r) => r.satisfied).length;
    $("relations-summary").textContent = relations.length
      ? `${held} of ${relations.length} stated relations hold.`
      : "The description stated no relations between things.";
    $("relations").replaceChildren(
      ...relations.map((relation) =>
        el(
          "li",
          { class: relation.satisfied ? "ok" : "not-ok" },
          el("span", { class: "badge", text: relation.satisfied ? "ok" : "not satisfied" }),
          " ",
          relationText(relation)
        )
      )
    );
    const warnings = graph.warnings || [];
    $("warnings").replaceChildren(
      ...(warnings.length
        ? warnings.map((text) => el("li", { text }))
        : [el("li", { class: "none", text: "No warnings." })])
    );
  }

  // ---- recent jobs (this browser only) ------------------------------------------------------

  function loadRecent() {
    try {
      const list = JSON.parse(localStorage.getItem(RECENT_KEY) || "[]");
      return Array.isArray(list) ? list.filter((j) => j && typeof j.id === "string") : [];
    } catch (error) {
      return [];
    }
  }

  function saveRecent(list) {
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, RECENT_MAX)));
    } catch (error) {
      // Storage refused (private mode, quota): the list just is not kept.
    }
    renderRecent();
  }

  function remember(entry) {
    const list = loadRecent().filter((j) => j.id !== entry.id);
    list.unshift({ ...entry, prompt: entry.prompt.slice(0, 140), at: new Date().toISOString() });
    saveRecent(list);
  }

  function updateRecent(id, status) {
    const list = loadRecent();
    const entry = list.find((j) => j.id === id);
    if (entry && entry.status !== status && status !== "error") {
      entry.status = status;
      saveRecent(list);
    }
  }

  /** Local HH:MM, formatted by hand: the first toLocale*String call loads ICU (about 25 ms). */
  function clock(iso) {
    const time = new Date(iso);
    if (Number.isNaN(time.getTime())) return "";
    const two = (n) => String(n).padStart(2, "0");
    return `${two(time.getHours())}:${two(time.getMinutes())}`;
  }

  function renderRecent() {
    const list = loadRecent();
    $("recent-empty").hidden = list.length > 0;
    $("recent").replaceChildren(
      ...list.map((entry) =>
        el(
          "li",
          {},
          el("a", { href: permalink(entry.id), text: entry.prompt || entry.id }),
          " ",
          el("span", { class: "when", text: `${entry.status || ""} · ${clock(entry.at)}` })
        )
      )
    );
  }

  // ---- start -------------------------------------------------------------------------------

  async function openFromLocation() {
    const id = new URLSearchParams(location.search).get("job");
    if (!id) {
      stopFollowing();
      job = null;
      $("intro").hidden = false;
      $("job").hidden = true;
      $("result").hidden = true;
      return;
    }
    openJob({ id, status: null }, null);
    try {
      const response = await api("/status/" + encodeURIComponent(id), {
        cache: "no-store",
        headers: { Accept: "application/json" },
      });
      const view = await readJson(response);
      if (!job || job.id !== id) return;
      if (!response.ok) {
        showJobProblem(view, response.status);
        return;
      }
      fillForm(view.request);
      applyView(view);
      if (!TERMINAL.includes(view.status)) follow(view);
    } catch (error) {
      showJobMessage("The service did not answer: " + error.message, "failed");
    }
  }

  /**
   * The request's limits and defaults, read from the OpenAPI document (the server declares
   * them once, in domain/jobs/limits.py): the inputs' bounds, their hints and the defaults.
   */
  async function applyLimits() {
    try {
      const response = await fetch("/openapi.json", { headers: { Accept: "application/json" } });
      const document = await response.json();
      const schemes = (document.components && document.components.securitySchemes) || {};
      if (schemes.bearerAuth) {
        if (apiKey()) {
          $("key-form").hidden = false;
          $("key-message").textContent = "Key kept for this browser session.";
          $("forget-key").hidden = false;
        } else {
          askForKey(null);
        }
      }
      const schema = document.paths["/generate"].post.requestBody.content["application/json"].schema;
      const fields = schema.properties;
      const promptMax = /1\.\.(\d+) characters/.exec(fields.prompt.description || "");
      if (promptMax) $("prompt-max").textContent = ` / ${promptMax[1]}`;
      const seed = (fields.seed.anyOf || [fields.seed]).find((option) => option.type === "integer");
      for (const [name, field] of [["seed", seed], ["width", fields.width], ["height", fields.height]]) {
        if (!field) continue;
        const input = $(name);
        input.min = String(field.minimum);
        input.max = String(field.maximum);
        // A field the user has already reached is theirs: a default written into it now
        // would be added to what they are typing (`48` typed while the limits load: `4848`).
        if (field.default !== undefined && input.value === "" && !touched.has(name)) {
          input.value = String(field.default);
        }
        const unit = name === "seed" ? "; empty: random" : " cells";
        $(name + "-hint").textContent = `${field.minimum} to ${field.maximum}${unit}`;
      }
    } catch (error) {
      // The server checks every field anyway; the page only loses its hints.
    }
  }

  const touched = new Set(); // the number fields the user has focused or typed in

  function start() {
    for (const name of ["seed", "width", "height"]) {
      for (const type of ["focus", "input"]) $(name).addEventListener(type, () => touched.add(name));
    }
    applyLimits();
    $("generate-form").addEventListener("submit", submit);
    $("prompt").addEventListener("input", () => {
      $("prompt-count").textContent = String($("prompt").value.length);
    });
    $("prompt").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        $("generate-form").requestSubmit();
      }
    });
    for (const button of document.querySelectorAll("button.example")) {
      button.addEventListener("click", () => {
        $("prompt").value = button.dataset.prompt;
        $("prompt-count").textContent = String($("prompt").value.length);
        $("prompt").focus();
      });
    }
    $("cancel").addEventListener("click", cancel);
    $("key-form").addEventListener("submit", saveKey);
    $("forget-key").addEventListener("click", forgetKey);
    listMyJobs();
    window.addEventListener("popstate", openFromLocation);
    renderRecent();
    openFromLocation();
  }

  start();
})();
