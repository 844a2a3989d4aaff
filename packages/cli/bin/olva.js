#!/usr/bin/env node
// Committed entry point, so that npm links `olva` at install time, before dist/ is built.
import "../dist/bin.js";
