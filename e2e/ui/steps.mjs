/**
 * The browser steps of `npm run test:ui`. Each step records ok / detail and a screenshot; a failed
 * step does not hide the next ones (their screenshots still show what the user would see).
 * Selectors are what the user sees (texts, placeholders, roles) plus n8n's data-test-id attributes.
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { CREATE_NODE, WAIT_NODE } from './workflow.mjs';

const require = createRequire(import.meta.url);
const { chromium: chromiumType } = require('playwright-core');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function runBrowserSteps({ chromium, base, shots, owner, workflowId, batchWorkflowId }) {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const profile = mkdtempSync(join(tmpdir(), 'kie-ui-profile-'));
	const context = await chromiumType.launchPersistentContext(profile, {
		executablePath: chromium,
		headless: true,
		args: ARGS,
		viewport: { width: 1440, height: 900 },
	});
	let page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(60000);
	const results = [];
	let n = 0;
	const step = async (name, fn) => {
		const shot = `${String(++n).padStart(2, '0')}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 50)}.png`;
		let ok = true;
		let detail;
		try {
			detail = await fn();
		} catch (error) {
			ok = false;
			detail = String(error.message ?? error).split('\n')[0].slice(0, 300);
			// The page as it was, to see what a selector missed.
			await import('node:fs').then(({ writeFileSync }) => page.content().then((html) => writeFileSync(join(shots, shot.replace(/\.png$/, '.html')), html))).catch(() => {});
		}
		await page.screenshot({ path: join(shots, shot) }).catch(() => {});
		results.push({ name, ok, detail, shot: join(shots, shot) });
		return ok;
	};

	try {
		await step('log in', async () => {
			await page.goto(`${base}/signin`, { timeout: 120000 });
			await page.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]').first().fill(owner.email);
			await page.locator('input[type="password"]').first().fill(owner.password);
			await page.getByRole('button', { name: /sign in/i }).click();
			await page.waitForURL((url) => !url.pathname.includes('signin'), { timeout: 30000 });
		});

		await step('node panel: search "Wait for task"', async () => {
			await page.goto(`${base}/workflow/new`);
			await page.waitForLoadState('networkidle').catch(() => {});
			await dismissPopups(page);
			const trigger = page.locator('[data-test-id="canvas-add-button"], [data-test-id="canvas-plus-button"]').first();
			await trigger.click();
			const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[placeholder^="Search"]').first();
			await search.fill('Wait for task');
			const item = itemNamed(page, /^KIE$/);
			await item.waitFor();
			const names = await itemNames(page);
			return `results: ${names.join(' | ')}`;
		});

		await step('node panel: the KIE node lists its actions', async () => {
			await itemNamed(page, /^KIE$/).click();
			// On an empty canvas n8n offers triggers first: the Actions section starts collapsed.
			const actionsHeader = page.locator('[data-test-id="node-creator-category-item"]').filter({ hasText: /^\s*Actions \(\d+\)/ }).first();
			await actionsHeader.waitFor();
			const header = (await actionsHeader.innerText()).trim();
			const collapsed = await page.locator('[data-category-collapsed="true"]').filter({ has: actionsHeader }).count();
			if (collapsed) await actionsHeader.click();
			await itemNamed(page, /^Wait for task$/i).waitFor();
			const texts = await itemNames(page);
			for (const wanted of ['Create task', 'Wait for task', 'Get task', 'Upload file', 'Get credits', 'Get download URL']) {
				if (!texts.some((t) => t.toLowerCase().startsWith(wanted.toLowerCase()))) throw new Error(`no action "${wanted}" in ${JSON.stringify(texts)}`);
			}
			const triggers = texts.filter((t) => /^On KIE task/i.test(t));
			if (triggers.length === 0) throw new Error(`no KIE Trigger entries in ${JSON.stringify(texts)}`);
			return `${header}: ${texts.join(' | ').slice(0, 300)}`;
		});

		await step('node panel: add "Wait for task"', async () => {
			await itemNamed(page, /^Wait for task$/i).click();
			await page.locator('[data-test-id="ndv"]').first().waitFor();
			const ndv = (await page.locator('[data-test-id="node-parameters"]').first().innerText()).replace(/\s+/g, ' ');
			if (!/Wait Mode/.test(ndv)) throw new Error(`the added node is not on Wait for Task: ${ndv.slice(0, 200)}`);
			await page.locator('[data-test-id="ndv-close-button"]').first().click();
			const node = page.locator('[data-test-id="canvas-node"][data-node-type="n8n-nodes-kie-ai.kie"]').first();
			await node.waitFor();
			return `added "${await node.getAttribute('data-node-name')}"; its form shows Wait Mode`;
		});

		await step('canvas subtitle of Wait for task', async () => {
			const node = page.locator('[data-test-id="canvas-node"][data-node-type="n8n-nodes-kie-ai.kie"]').first();
			const text = (await node.innerText()).replace(/\s+/g, ' ').trim();
			if (!/Wait \(poll\): \$json\.taskId/.test(text)) throw new Error(`subtitle not shown: "${text}"`);
			return text;
		});

		await step('open the test workflow', async () => {
			await page.goto(`${base}/workflow/${workflowId}`);
			await page.waitForLoadState('networkidle').catch(() => {});
			await dismissPopups(page, true);
			await canvasNode(page, CREATE_NODE).waitFor();
			return `${await canvasText(page, CREATE_NODE)} → ${await canvasText(page, WAIT_NODE)}`;
		});

		await step('Create Task: pick a model from the list', async () => {
			await canvasNode(page, CREATE_NODE).dblclick();
			await page.locator('[data-test-id="rlc-input"]').first().click();
			await page.waitForTimeout(500);
			await page.keyboard.type('nano banana');
			const option = page.locator('[data-test-id="rlc-item"]').filter({ hasText: /Nano Banana/i }).first();
			await option.waitFor({ timeout: 30000 });
			const offered = (await page.locator('[data-test-id="rlc-item"]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
			await page.screenshot({ path: join(shots, `${String(n + 1).padStart(2, '0')}-a-model-list.png`) });
			await option.click();
			return `offered: ${offered.slice(0, 5).join(' | ')}`;
		});

		let fieldsText = '';
		await step('Create Task: the model’s fields', async () => {
			const mapper = page.locator('[data-test-id="resource-mapper-container"]').first();
			await mapper.filter({ hasText: /prompt/i }).waitFor({ timeout: 30000 });
			fieldsText = (await mapper.innerText()).replace(/\s+/g, ' ');
			if (!/prompt/i.test(fieldsText)) throw new Error(`no prompt field: "${fieldsText.slice(0, 200)}"`);
			return fieldsText.slice(0, 200);
		});

		await step('Create Task: each field shows its full label (no per-field description in n8n’s mapper)', async () => {
			// n8n's resource mapper cannot show a per-field description on the versions we support:
			// ResourceMapperField (n8n-workflow interfaces.d.ts) has no description/hint property, and
			// the editor's MappingFields builds each row with `description: getFieldDescription(field)`,
			// which is '' except for matching columns; the (?) of a required field always says
			// "This field is mandatory and can't be removed" (see README, "Fields mode"). What the form
			// can carry is the label, so this step checks every label is shown whole (no "…"), and
			// records the tooltips. Should a later n8n show KIE's descriptions, they are reported here.
			const rows = page.locator('[data-test-id="mapping-fields-container"] .parameter-item');
			const count = await rows.count();
			if (count < 2) throw new Error(`only ${count} field rows`);
			const labels = [];
			for (let i = 0; i < count; i++) {
				const label = rows.nth(i).locator('label').first();
				const shown = await label.evaluate((el) => {
					const clipped = [el, ...el.querySelectorAll('*')].some((node) => {
						const style = getComputedStyle(node);
						return style.display !== 'inline' && style.overflow !== 'visible' && node.scrollWidth > node.clientWidth + 1;
					});
					return { text: el.innerText.split('\n')[0].trim(), clipped };
				});
				if (shown.clipped) throw new Error(`label cut: "${shown.text}"`);
				labels.push(shown.text);
			}
			if (!labels.some((text) => /^Prompt\b/.test(text))) throw new Error(`no Prompt label: ${JSON.stringify(labels)}`);
			const said = [];
			const first = rows.first();
			for (const target of [first.locator('[data-state]').first(), first.locator('label').first()]) {
				await target.hover().catch(() => {});
				await page.waitForTimeout(800);
				const tips = await page
					.locator('[role="tooltip"], .el-popper:not([aria-hidden="true"]), [data-reka-popper-content-wrapper], [data-radix-popper-content-wrapper]')
					.filter({ visible: true })
					.allInnerTexts()
					.catch(() => []);
				said.push(...tips.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean));
				await page.mouse.move(5, 5);
			}
			const descriptions = said.filter((t) => !/mandatory and can.t be removed/i.test(t));
			return `labels: ${JSON.stringify(labels).slice(0, 300)}; tooltips: ${JSON.stringify(said).slice(0, 150)}${descriptions.length ? ' (n8n shows descriptions)' : ''}`;
		});

		await step('Create Task: fill the prompt', async () => {
			const field = page.locator('[data-test-id="mapping-fields-container"] .parameter-item').filter({ hasText: /Prompt/ }).first();
			await field.locator('textarea, input, [contenteditable="true"]').first().click();
			await page.keyboard.type('A lighthouse at dawn, watercolour');
			await page.waitForTimeout(800);
			await page.locator('[data-test-id="ndv-close-button"]').first().click();
			await page.waitForTimeout(800);
			return `canvas: ${await canvasText(page, CREATE_NODE)}`;
		});

		await step('canvas subtitle of Create Task names the model', async () => {
			const text = await canvasText(page, CREATE_NODE);
			if (!/Create: (?!no model)\S+/.test(text)) throw new Error(`subtitle: "${text}"`);
			return text;
		});

		await step('run the workflow', async () => {
			await page.keyboard.press('Escape').catch(() => {});
			await page.locator('[data-test-id="execute-workflow-button"]').first().click();
			await canvasNode(page, WAIT_NODE).locator('[data-test-id="canvas-node-status-success"], [data-icon="check"], [data-icon="circle-check"]').first().waitFor({ timeout: 120000 });
			return canvasText(page, WAIT_NODE);
		});

		await step('the image in the binary view', async () => {
			await canvasNode(page, WAIT_NODE).dblclick();
			const output = page.locator('[data-test-id="output-panel"]').first();
			await output.waitFor();
			const binaryTab = output.getByText(/^Binary$/).first();
			if (await binaryTab.count()) await binaryTab.click().catch(() => {});
			const view = output.locator('[data-test-id="ndv-view-binary-data"], button:has-text("View")').first();
			await view.waitFor();
			const meta = (await output.innerText()).replace(/\s+/g, ' ');
			const fileName = /File Name:?\s*(\S+\.png)/i.exec(meta)?.[1] ?? /(\S+\.png)/.exec(meta)?.[1];
			await view.click();
			const img = page.locator('img[src*="binary-data"], .binary-data img, [data-test-id="binary-data-viewer"] img, img').last();
			await img.waitFor({ timeout: 15000 });
			const size = await img.evaluate((el) => ({ w: el.naturalWidth, h: el.naturalHeight }));
			if (!(size.w >= 256 && size.h >= 256)) throw new Error(`image is ${size.w}×${size.h}`);
			return `file ${fileName ?? '?'}, ${size.w}×${size.h}`;
		});

		// A second tab on the saved workflow (model not set): the first tab keeps its unsaved run.
		page = await context.newPage();
		page.setDefaultTimeout(60000);

		await step('Create Task: a Suno model shows its prompt without "Add field"', async () => {
			await page.goto(`${base}/workflow/${workflowId}`);
			await page.waitForLoadState('networkidle').catch(() => {});
			await dismissPopups(page, true);
			await canvasNode(page, CREATE_NODE).dblclick();
			await pickModel(page, 'AI music generate', /AI music generate/i);
			const mapper = page.locator('[data-test-id="resource-mapper-container"]').first();
			await mapper.filter({ hasText: /Custom Mode/i }).waitFor({ timeout: 30000 });
			const labels = await fieldLabels(page);
			// ai-music-api/generate requires custom_mode, instrumental and model only; the prompt is
			// shown because getModelFields marks it not removed (README, "Input Mode").
			if (!labels.some((text) => /^Prompt\b/.test(text))) throw new Error(`no Prompt row without "Add field": ${JSON.stringify(labels)}`);
			if (labels.some((text) => /^Lyrics\b/.test(text))) throw new Error(`optional fields shown too: ${JSON.stringify(labels)}`);
			const add = await mapper.getByText(/Add field to send/i).count();
			if (add === 0) throw new Error('no "Add field to send" for the optional fields');
			return `rows: ${JSON.stringify(labels)}; the other fields under "Add field to send"`;
		});

		await step('Model: From list after By ID shows the id until an entry is picked (n8n keeps no name)', async () => {
			// n8n's ResourceLocator onModeSelected emits {mode, value} without cachedResultName, and
			// list mode shows cachedResultName ?? value (2.8.4 and 2.41; README, "Task → Create").
			await chooseMode(page, /^By ID$/);
			const byId = await modelInputValue(page);
			if (byId !== 'ai-music-api/generate') throw new Error(`By ID shows "${byId}"`);
			await chooseMode(page, /^From list$/i);
			const afterSwitch = await modelInputValue(page);
			await page.locator('[data-test-id="rlc-input"]').first().click();
			const first = page.locator('[data-test-id="rlc-item"]').first();
			await first.waitFor({ timeout: 30000 });
			const firstText = (await first.innerText()).replace(/\s+/g, ' ').trim();
			if (!/AI music generate/i.test(firstText)) throw new Error(`the model is not first in the list: "${firstText}"`);
			await first.click();
			await page.waitForTimeout(500);
			const picked = await modelInputValue(page);
			if (!/AI music generate/i.test(picked)) throw new Error(`after picking: "${picked}"`);
			return `By ID "${byId}" → From list "${afterSwitch}"; the list opens on "${firstText}"; picked → "${picked}"`;
		});

		await step('example batch-start: its main button runs the batch (not a trigger wait)', async () => {
			// n8n's button auto-selects the highest-ranked trigger (editor-ui findTriggerNodeToAutoSelect:
			// app triggers 8 > Schedule 7 > Manual 6): the KIE Trigger lives in batch-trigger.json so this
			// workflow's button starts the batch (README, "Examples").
			page = await context.newPage();
			page.setDefaultTimeout(60000);
			await page.goto(`${base}/workflow/${batchWorkflowId}`);
			await page.waitForLoadState('networkidle').catch(() => {});
			await dismissPopups(page, true);
			const button = page.locator('[data-test-id="execute-workflow-button"]').first();
			const label = (await button.innerText()).replace(/\s+/g, ' ').trim();
			await button.click();
			const create = canvasNode(page, 'Create image tasks');
			await create.locator('[data-test-id="canvas-node-status-success"], [data-icon="check"], [data-icon="circle-check"]').first().waitFor({ timeout: 120000 });
			const text = await canvasText(page, 'Create image tasks');
			if (!/5 items/.test(text)) throw new Error(`Create image tasks shows "${text}"`);
			return `button "${label}" → Create image tasks: ${text}`;
		});
	} finally {
		await context.close().catch(() => {});
	}
	return results;
}

/** Model → From list: search and pick the entry. */
async function pickModel(page, typed, entry) {
	await page.locator('[data-test-id="rlc-input"]').first().click();
	await page.waitForTimeout(500);
	await page.keyboard.type(typed);
	const option = page.locator('[data-test-id="rlc-item"]').filter({ hasText: entry }).first();
	await option.waitFor({ timeout: 30000 });
	await option.click();
}

/** Model's mode selector (From list / By ID). */
async function chooseMode(page, name) {
	await page.locator('[data-test-id="rlc-mode-selector"]').first().click();
	const option = page.locator('.el-select-dropdown__item, [role="option"]').filter({ visible: true }).filter({ hasText: name }).first();
	await option.click();
	await page.waitForTimeout(500);
}

/** What the Model input shows. */
async function modelInputValue(page) {
	return page.locator('[data-test-id="rlc-input"]').first().evaluate((el) => (el.tagName === 'INPUT' ? el.value : el.querySelector('input, textarea')?.value ?? el.innerText).trim());
}

/** The labels of the mapper's shown rows (first line of each). */
async function fieldLabels(page) {
	const rows = page.locator('[data-test-id="mapping-fields-container"] .parameter-item');
	const labels = [];
	for (let i = 0; i < (await rows.count()); i++) labels.push((await rows.nth(i).locator('label').first().innerText()).split('\n')[0].trim());
	return labels;
}

/** A node on the canvas: its box holds the name and the subtitle. */
function canvasNode(page, name) {
	return page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).first();
}

async function canvasText(page, name) {
	return (await canvasNode(page, name).innerText()).replace(/\s+/g, ' ').trim();
}

/** An entry of n8n's node panel (node or action) by its shown name. */
function itemNamed(page, name) {
	return page.locator('[data-test-id="node-creator-item-name"]').filter({ hasText: name }).first();
}

async function itemNames(page) {
	return (await page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** First-visit dialogs and toasts that cover the canvas. */
async function dismissPopups(page, quiet = false) {
	await page.waitForTimeout(quiet ? 500 : 1500);
	for (const name of [/got it/i, /skip/i, /dismiss/i, /close/i]) {
		const button = page.getByRole('button', { name }).first();
		if (await button.isVisible().catch(() => false)) await button.click().catch(() => {});
	}
	await page.keyboard.press('Escape').catch(() => {});
}
