// GOV.UK Frontend's compiled CSS loads its fonts and images from /assets.
import { cpSync } from 'node:fs';
cpSync('node_modules/govuk-frontend/dist/govuk/assets', 'public/assets', { recursive: true });
