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

export async function runBrowserSteps({ chromium, base, shots, owner, workflowId }) {
	const { mkdtempSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const profile = mkdtempSync(join(tmpdir(), 'kie-ui-profile-'));
	const context = await chromiumType.launchPersistentContext(profile, {
		executablePath: chromium,
		headless: true,
		args: ARGS,
		viewport: { width: 1440, height: 900 },
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(20000);
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
		}
		await page.screenshot({ path: join(shots, shot) }).catch(() => {});
		results.push({ name, ok, detail, shot: join(shots, shot) });
		return ok;
	};

	try {
		await step('log in', async () => {
			await page.goto(`${base}/signin`);
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
			const item = page.locator('[data-test-id="node-creator-node-item"]').filter({ hasText: /^\s*KIE/ }).first();
			await item.waitFor();
			return `found: ${(await item.innerText()).replace(/\s+/g, ' ').slice(0, 120)}`;
		});

		await step('node panel: the KIE node lists its actions', async () => {
			await page.locator('[data-test-id="node-creator-node-item"]').filter({ hasText: /^\s*KIE/ }).first().click();
			const actions = page.locator('[data-test-id="node-creator-action-item"]');
			await actions.first().waitFor();
			const texts = (await actions.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
			for (const wanted of ['Create task', 'Wait for task', 'Get task', 'Upload file', 'Get credits', 'Get download URL']) {
				if (!texts.some((t) => t.toLowerCase().startsWith(wanted.toLowerCase()))) throw new Error(`no action "${wanted}" in ${JSON.stringify(texts)}`);
			}
			const triggers = texts.filter((t) => /^On KIE task/i.test(t));
			if (triggers.length === 0) throw new Error(`no KIE Trigger entries in ${JSON.stringify(texts)}`);
			return `${texts.length} entries: ${texts.map((t) => t.split(' KIE Trigger')[0]).join(' | ').slice(0, 250)}`;
		});

		await step('node panel: add "Wait for task"', async () => {
			await page.locator('[data-test-id="node-creator-action-item"]').filter({ hasText: /^\s*Wait for task/i }).first().click();
			await page.locator('[data-test-id="ndv"], .ndv-wrapper, [data-test-id="node-parameters"]').first().waitFor();
			await page.keyboard.press('Escape');
			const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Wait for task' }).first();
			await node.waitFor();
			return (await node.innerText()).replace(/\s+/g, ' ');
		});

		await step('canvas subtitle of Wait for task', async () => {
			const text = (await page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Wait for task' }).first().innerText()).replace(/\s+/g, ' ');
			if (!/Wait for task: \$json\.taskId · poll/.test(text)) throw new Error(`subtitle not shown: "${text}"`);
			return text;
		});

		await step('open the test workflow', async () => {
			await page.goto(`${base}/workflow/${workflowId}`);
			await page.waitForLoadState('networkidle').catch(() => {});
			await dismissPopups(page, true);
			await page.locator('[data-test-id="canvas-node"]').filter({ hasText: CREATE_NODE }).first().waitFor();
		});

		await step('Create Task: pick a model from the list', async () => {
			await page.locator('[data-test-id="canvas-node"]').filter({ hasText: CREATE_NODE }).first().dblclick();
			const model = page.locator('[data-test-id="parameter-input-model"], [data-test-id="resource-locator-model"]').first();
			await model.waitFor();
			await model.locator('input').first().click();
			const search = page.locator('[data-test-id="rlc-search"] input, .resource-locator-dropdown input, input[placeholder*="Search"]').last();
			await search.fill('nano banana');
			const option = page.locator('[data-test-id="rlc-item"]').filter({ hasText: /Nano Banana/i }).first();
			await option.waitFor();
			const picked = (await option.innerText()).replace(/\s+/g, ' ');
			await option.click();
			return `picked ${picked}`;
		});

		let fieldsText = '';
		await step('Create Task: the model’s fields', async () => {
			const mapper = page.locator('[data-test-id="resource-mapper-container"], [data-test-id="mapping-fields-container"]').first();
			await mapper.waitFor({ timeout: 30000 });
			await page.waitForTimeout(1500);
			fieldsText = (await mapper.innerText()).replace(/\s+/g, ' ');
			if (!/prompt/i.test(fieldsText)) throw new Error(`no prompt field: "${fieldsText.slice(0, 200)}"`);
			return fieldsText.slice(0, 200);
		});

		await step('Create Task: fields carry descriptions', async () => {
			// n8n shows a field's description in a tooltip on its (?) icon / label.
			const label = page.locator('[data-test-id="resource-mapper-container"] [data-test-id="parameter-input-field"], [data-test-id="resource-mapper-container"] .n8n-input-label').first();
			await label.hover();
			const tip = page.locator('.el-popper[aria-hidden="false"], [role="tooltip"]').filter({ hasText: /\S/ }).last();
			await tip.waitFor({ timeout: 5000 });
			const text = (await tip.innerText()).replace(/\s+/g, ' ').trim();
			if (/mandatory and can't be removed/i.test(text) && text.length < 60) throw new Error(`the field's tooltip only says: "${text}"`);
			return `tooltip: ${text.slice(0, 200)}`;
		});

		await step('Create Task: fill the prompt', async () => {
			const prompt = page.locator('[data-test-id="resource-mapper-container"] [data-test-id="parameter-input-prompt"], [data-test-id="resource-mapper-container"] [data-test-id*="prompt"]').first();
			const editable = prompt.locator('textarea, input, [contenteditable="true"]').first();
			await editable.click();
			await page.keyboard.type('A lighthouse at dawn, watercolour');
			await page.waitForTimeout(500);
			await page.keyboard.press('Escape');
			await page.waitForTimeout(500);
			const text = (await page.locator('[data-test-id="canvas-node"]').filter({ hasText: CREATE_NODE }).first().innerText()).replace(/\s+/g, ' ');
			return `canvas: ${text}`;
		});

		await step('canvas subtitle of Create Task names the model', async () => {
			const text = (await page.locator('[data-test-id="canvas-node"]').filter({ hasText: CREATE_NODE }).first().innerText()).replace(/\s+/g, ' ');
			if (!/Create task: google\/nano-banana/.test(text)) throw new Error(`subtitle: "${text}"`);
			return text;
		});

		await step('run the workflow', async () => {
			await page.locator('[data-test-id="execute-workflow-button"]').first().click();
			await page.locator('[data-test-id="canvas-node"]').filter({ hasText: WAIT_NODE }).locator('[data-test-id="canvas-node-status-success"]').first().waitFor({ timeout: 90000 });
		});

		await step('the image in the binary view', async () => {
			await page.locator('[data-test-id="canvas-node"]').filter({ hasText: WAIT_NODE }).first().dblclick();
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
	} finally {
		await context.close().catch(() => {});
	}
	return results;
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
