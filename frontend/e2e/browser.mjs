// The browser the end-to-end tests drive, found in this order so that a fresh machine needs
// nothing but Node: CHROMIUM if set, the system's Chromium (Debian's) if present, otherwise the
// headless Chromium that the devDependency @sparticuz/chromium ships inside its npm package.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling out to Google's hosts, which
// these machines' closed network refuses.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];

export async function chromiumExecutable() {
  if (process.env.CHROMIUM) return { path: process.env.CHROMIUM, from: 'CHROMIUM' };
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, from: 'the system' };
  // Imported only when needed: it unpacks its brotli-compressed binary into the temp folder.
  const { default: bundled } = await import('@sparticuz/chromium');
  return { path: await bundled.executablePath(), from: '@sparticuz/chromium' };
}

export async function launchBrowser() {
  const executable = await chromiumExecutable();
  console.log(`browser: ${executable.path} (from ${executable.from})`);
  return chromium.launch({ executablePath: executable.path, args: ARGS });
}
