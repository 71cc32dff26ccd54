// The prelude that graph.Store.QueryEach runs before a user's Gizmo script
// (see gizmocheck.go). It replaces g, graph, iri, str, bnode, raw, lang,
// typed, lt, lte, gt, gte, regex and like with functions that check their
// arguments and throw a TypeError naming the function, the argument and what
// it got, before anything reaches Cayley's Go bindings (which panic on a
// wrong type, in a goroutine no one can recover). Paths are wrapped in
// __vnkgPath objects whose methods check their arguments the same way.
// The user's script runs in a direct eval, so that its lines are its own.
var __vnkgRun = (function () {
	"use strict";
	var orig = {
		g: graph, iri: iri, str: str, bnode: bnode, raw: raw, lang: lang, typed: typed,
		lt: lt, lte: lte, gt: gt, gte: gte, regex: regex, like: like
	};
	var RAW = Symbol("path");
	var nodes = new WeakSet();   // values made by iri(), str(), lang() …
	var filters = new WeakSet(); // values made by lt(), regex(), like() …

	function __vnkgLine() {
		// The caller of the innermost checked function is the user's code.
		var st = String(new Error("x").stack).split("\n");
		var entered = false;
		for (var i = 1; i < st.length; i++) {
			var f = st[i].trim();
			if (f.indexOf("at __vnkgMethod ") === 0 || f.indexOf("at __vnkgFunc ") === 0) {
				entered = true;
				continue;
			}
			if (!entered || f.indexOf("at native") === 0 || f.indexOf("(native)") >= 0) {
				continue;
			}
			var m = /:(\d+):\d+\(\d+\)\)?$/.exec(f);
			if (m) {
				return Number(m[1]);
			}
		}
		return 0;
	}

	function describe(v) {
		if (v === undefined) return "undefined";
		if (v === null) return "null";
		if (v === "") return "the empty string";
		if (typeof v === "string") return "the string " + JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
		if (typeof v === "number") return "the number " + String(v);
		if (typeof v === "boolean") return "the boolean " + String(v);
		if (typeof v === "function") return "a function";
		if (typeof v === "symbol") return "a symbol";
		if (typeof v === "bigint") return "a bigint";
		if (v instanceof Path) return "a path";
		if (nodes.has(v)) return "a node value";
		if (filters.has(v)) return "a filter";
		if (Array.isArray(v)) return "an array";
		if (v instanceof Date) return "a date";
		if (v instanceof RegExp) return "a regular expression";
		return "an object";
	}

	function fail(fn, pos, want, got) {
		var line = __vnkgLine();
		var msg = fn + "() expects " + want + (pos ? " as its " + ordinal(pos) + " argument" : "") +
			", got " + describe(got) + (line ? " (line " + line + ")" : "");
		var e = new TypeError(msg);
		e.vnkgType = true;
		throw e;
	}

	function failCount(fn, want, got) {
		var line = __vnkgLine();
		var e = new TypeError(fn + "() expects " + want + ", got " + got + " argument" + (got === 1 ? "" : "s") +
			(line ? " (line " + line + ")" : ""));
		e.vnkgType = true;
		throw e;
	}

	function ordinal(n) {
		return ["first", "second", "third", "fourth", "fifth"][n - 1] || (n + "th");
	}

	// Kinds of argument.
	function isStr(v) { return typeof v === "string"; }
	// The empty string is no node: Cayley reads it as nil, and some of its
	// bindings panic on that (followRecursive("")).
	function isNode(v) { return (typeof v === "string" && v !== "") || nodes.has(v); }
	function isValue(v) {
		return (typeof v === "string" && v !== "") || (typeof v === "number" && isFinite(v)) || typeof v === "boolean" ||
			nodes.has(v) || v instanceof Date;
	}
	function isPath(v) { return v instanceof Path; }
	function isTags(v) { return isStr(v) || (Array.isArray(v) && v.every(isStr)); }
	function isPreds(v) {
		return v === null || v === undefined || isNode(v) || isPath(v) || (Array.isArray(v) && v.every(isNode));
	}
	function isCount(v) { return typeof v === "number" && isFinite(v) && v >= 0 && Math.floor(v) === v; }

	var PRED = "a predicate (a string such as \"<https://schema.org/name>\", a node value, a list of them, or a path)";
	var NODE = "a node (a string such as \"<iri>\" or a value made by iri(), str(), lang() or typed())";
	var VALUE = "a node or a literal (a string, a number, a boolean, or a value made by iri(), str() …)";
	var TAG = "a tag name (a string, or a list of strings)";
	var PATH = "a path (made by g.V() or g.M())";
	var COUNT = "a count (a whole number, 0 or more)";

	function unwrap(v) {
		if (v instanceof Path) return v[RAW];
		if (Array.isArray(v)) return v.map(unwrap);
		return v;
	}

	function Path(p) { this[RAW] = p; }
	Object.defineProperty(Path.prototype, "toString", { value: function () { return "[path]"; } });

	// method defines a path method: check(args, name) throws on a bad call;
	// the result is wrapped as a path unless final.
	function method(name, check, final) {
		define(name, check, final);
		define(name.charAt(0).toUpperCase() + name.slice(1), check, final, name);
	}
	function define(shown, check, final, name) {
		name = name || shown;
		var f = function __vnkgMethod() {
			if (!(this instanceof Path)) {
				var e = new TypeError("." + shown + "() must be called on a path, as in g.V()." + shown + "(…)");
				e.vnkgType = true;
				throw e;
			}
			var args = Array.prototype.slice.call(arguments);
			if (check) check(args, "." + shown);
			var p = this[RAW];
			if ((name === "except" || name === "difference") && args[0][RAW].toArray(1).length === 0) {
				// A − ∅ = A. Cayley's optimizer dereferences a nil shape
				// when the excluded path is known to be empty (a node
				// not in the store), a panic in its goroutine.
				return this;
			}
			var r = p[name].apply(p, args.map(unwrap));
			return final ? r : new Path(r);
		};
		Object.defineProperty(Path.prototype, shown, { value: f, writable: true });
	}

	function none() { return function (args, fn) { }; }
	function values(min) {
		return function (args, fn) {
			if (args.length < min) failCount(fn, "at least " + min + " argument" + (min === 1 ? "" : "s"), args.length);
			args.forEach(function (a, i) {
				if (Array.isArray(a) ? !a.every(isValue) : !isValue(a)) fail(fn, i + 1, VALUE + (Array.isArray(a) ? " in every element of the list" : ""), a);
			});
		};
	}
	function via(depth) {
		return function (args, fn) {
			if (args.length > 0 && !isPreds(args[0])) fail(fn, 1, PRED, args[0]);
			var i = 1;
			if (depth && args.length > 1 && typeof args[1] === "number") {
				if (!isCount(args[1])) fail(fn, 2, "a depth (a whole number, 0 or more)", args[1]);
				i = 2;
			}
			for (; i < args.length; i++) {
				if (!isTags(args[i])) fail(fn, i + 1, TAG, args[i]);
			}
		};
	}
	function onePath(args, fn) {
		if (args.length !== 1) failCount(fn, "one argument, " + PATH, args.length);
		if (!isPath(args[0])) fail(fn, 1, PATH, args[0]);
	}
	function tags(min) {
		return function (args, fn) {
			if (args.length < min) failCount(fn, "at least one argument, " + TAG, args.length);
			args.forEach(function (a, i) { if (!isTags(a)) fail(fn, i + 1, TAG, a); });
		};
	}
	function oneTag(args, fn) {
		if (args.length !== 1) failCount(fn, "one argument, a tag name", args.length);
		if (!isStr(args[0])) fail(fn, 1, "a tag name (a string)", args[0]);
	}
	function has(args, fn) {
		if (args.length < 1) failCount(fn, "a predicate and values to match", 0);
		if (!(isNode(args[0]) || isPath(args[0]))) fail(fn, 1, "a predicate (a string, a node value or a path)", args[0]);
		var rest = args.slice(1);
		if (rest.length > 0 && rest.every(function (a) { return filters.has(a) || (Array.isArray(a) && a.every(function (x) { return filters.has(x); })); })) {
			return;
		}
		rest.forEach(function (a, i) {
			if (!isValue(a)) fail(fn, i + 2, VALUE + " or a filter (lt(), gt(), regex(), like() …)", a);
		});
	}
	function save(args, fn) {
		if (args.length < 1 || args.length > 2) failCount(fn, "a predicate and a tag name", args.length);
		if (!(isNode(args[0]) || isPath(args[0]))) fail(fn, 1, "a predicate (a string, a node value or a path)", args[0]);
		if (args.length === 2 && !isStr(args[1])) fail(fn, 2, "a tag name (a string)", args[1]);
		if (isPath(args[0]) && !args[1]) failCount(fn, "a tag name when the predicate is a path", args.length);
	}
	function count(args, fn) {
		if (args.length !== 1) failCount(fn, "one argument, " + COUNT, args.length);
		if (!isCount(args[0])) fail(fn, 1, COUNT, args[0]);
	}
	function optCount(args, fn) {
		if (args.length > 1) failCount(fn, "at most one argument, " + COUNT, args.length);
		if (args.length === 1 && !isCount(args[0])) fail(fn, 1, COUNT, args[0]);
	}
	function callback(args, fn) {
		if (args.length < 1 || args.length > 2) failCount(fn, "a function, or a count and a function", args.length);
		if (args.length === 2 && !isCount(args[0])) fail(fn, 1, COUNT, args[0]);
		if (typeof args[args.length - 1] !== "function") fail(fn, args.length, "a function", args[args.length - 1]);
	}
	function filterArgs(args, fn) {
		if (args.length < 1) failCount(fn, "at least one filter (lt(), gt(), regex(), like() …)", 0);
		args.forEach(function (a, i) { if (!filters.has(a)) fail(fn, i + 1, "a filter (made by lt(), lte(), gt(), gte(), regex() or like())", a); });
	}

	method("is", values(0));
	method("in", via(false));
	method("out", via(false));
	method("both", via(false));
	method("labelContext", via(false));
	method("followRecursive", function (args, fn) {
		if (args.length < 1) failCount(fn, "a predicate or a path to follow", 0);
		via(true)(args, fn);
	});
	["follow", "followR", "and", "intersect", "union", "or", "except", "difference"].forEach(function (n) { method(n, onePath); });
	method("back", oneTag);
	method("tag", tags(1));
	method("as", tags(1));
	method("has", has);
	method("hasR", has);
	["save", "saveR", "saveOpt", "saveOptR"].forEach(function (n) { method(n, save); });
	method("saveInPredicates", oneTag);
	method("saveOutPredicates", oneTag);
	["unique", "labels", "inPredicates", "outPredicates", "order"].forEach(function (n) { method(n, none()); });
	method("filter", filterArgs);
	method("limit", count);
	method("skip", count);
	method("getLimit", count, true);
	method("all", none(), true);
	method("count", none(), true);
	method("toValue", none(), true);
	method("tagValue", none(), true);
	method("toArray", optCount, true);
	method("tagArray", optCount, true);
	method("map", callback, true);
	method("forEach", callback, true);

	function checked(name, check, f) {
		return function __vnkgFunc() {
			var args = Array.prototype.slice.call(arguments);
			check(args, name);
			return f.apply(null, args);
		};
	}
	function strings(n, what) {
		return function (args, fn) {
			if (args.length !== n) failCount(fn, what, args.length);
			args.forEach(function (a, i) { if (!isStr(a)) fail(fn, n === 1 ? 0 : i + 1, n === 1 ? "a " + what.replace(/^one /, "") : "a string", a); });
		};
	}
	function mark(set, f) {
		return function () { var v = f.apply(null, arguments); if (v !== null && typeof v === "object") set.add(v); return v; };
	}

	var g = {};
	function gfunc(names, f) {
		names.forEach(function (n) { Object.defineProperty(g, n, { value: f, enumerable: false, writable: true }); });
	}
	gfunc(["V", "Vertex"], checked("g.V", values(0), function () {
		var flat = [];
		Array.prototype.slice.call(arguments).forEach(function (a) { if (Array.isArray(a)) flat.push.apply(flat, a); else flat.push(a); });
		return new Path(orig.g.V.apply(orig.g, flat));
	}));
	gfunc(["M", "Morphism"], checked("g.M", none(), function () { return new Path(orig.g.M()); }));
	gfunc(["emit", "Emit"], checked("g.emit", function (args, fn) {
		if (args.length !== 1) failCount(fn, "one value to emit", args.length);
		var seen = [];
		(function walk(v, depth) {
			if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") fail(fn, 0, "a value made of strings, numbers, booleans, null, lists and objects", v);
			if (v instanceof Path) fail(fn, 0, "a value, not a path (call .toArray() or .all() on it)", v);
			if (v === null || typeof v !== "object" || nodes.has(v) || v instanceof Date) return;
			if (seen.indexOf(v) >= 0) {
				var e = new TypeError("g.emit() expects a value without cycles, got an object that contains itself" + (__vnkgLine() ? " (line " + __vnkgLine() + ")" : ""));
				e.vnkgType = true;
				throw e;
			}
			if (depth > 64) fail(fn, 0, "a value nested at most 64 deep", v);
			seen.push(v);
			Object.keys(v).forEach(function (k) { walk(v[k], depth + 1); });
			seen.pop();
		})(args[0], 0);
	}, function (v) { return orig.g.emit(v); }));
	gfunc(["IRI", "Uri", "uri"], checked("g.IRI", strings(1, "one string (a prefixed IRI)"), function (s) { return mark(nodes, function (x) { return orig.g.IRI(x); })(s); }));
	gfunc(["addNamespace", "AddNamespace"], checked("g.addNamespace", strings(2, "two strings, a prefix and an IRI"), function (p, n) { return orig.g.addNamespace(p, n); }));
	gfunc(["addDefaultNamespaces", "AddDefaultNamespaces"], function __vnkgFunc() { return orig.g.addDefaultNamespaces(); });
	gfunc(["loadNamespaces", "LoadNamespaces"], function __vnkgFunc() { return orig.g.loadNamespaces(); });

	var env = {
		g: g, graph: g,
		iri: checked("iri", strings(1, "one string (an IRI)"), mark(nodes, orig.iri)),
		str: checked("str", strings(1, "one string"), mark(nodes, orig.str)),
		bnode: checked("bnode", strings(1, "one string (a blank node id)"), mark(nodes, orig.bnode)),
		raw: checked("raw", strings(1, "one string (a node in N-Quads syntax)"), mark(nodes, orig.raw)),
		lang: checked("lang", strings(2, "two strings, a text and a language tag"), mark(nodes, orig.lang)),
		typed: checked("typed", strings(2, "two strings, a text and a datatype IRI"), mark(nodes, orig.typed)),
		regex: checked("regex", function (args, fn) {
			if (args.length < 1 || args.length > 2) failCount(fn, "a pattern and, optionally, a boolean", args.length);
			if (!isNode(args[0])) fail(fn, 1, "a pattern (a string)", args[0]);
			if (args.length === 2 && typeof args[1] !== "boolean") fail(fn, 2, "a boolean (whether to match IRIs too)", args[1]);
		}, mark(filters, orig.regex)),
		like: checked("like", strings(1, "one string (a pattern with % and _)"), mark(filters, orig.like))
	};
	["lt", "lte", "gt", "gte"].forEach(function (n) {
		env[n] = checked(n, function (args, fn) {
			if (args.length !== 1) failCount(fn, "one value to compare with", args.length);
			if (!isValue(args[0])) fail(fn, 0, VALUE, args[0]);
		}, mark(filters, orig[n]));
	});

	return function __vnkgRun(global) {
		Object.keys(env).forEach(function (k) { global[k] = env[k]; });
		return function __vnkgLast(v) { return v instanceof Path ? v[RAW] : v; };
	};
})();
