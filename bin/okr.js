#!/usr/bin/env node
"use strict";
// The `okr` command: lint and grade .okr.md files. The CLI is bundled into dist/cli.js by `npm run build`.
require("../dist/cli.js").main();
