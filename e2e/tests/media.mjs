/**
 * The three "Create Task → Wait for Task (poll) → binary" examples, run with `n8n execute`:
 * an image, a video made from an uploaded binary image, and a Suno song.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual } from '../lib/report.mjs';
import { nodeItems } from '../lib/results.mjs';
import { assertMedia, executeOk, filesOf, isCreate, isMedia, isUpload } from './helpers.mjs';

export default {
	name: 'media examples',
	async run(ctx, report) {
		const g = ctx.group;
		await report.check(g, 'example text-to-image: Create → Wait (poll) → PNG as binary', async () => {
			await ctx.emulator.reset();
			const run = await executeOk(ctx, 'kieExTextToImage01');
			const created = nodeItems(run, 'Create image task');
			assertEqual(created?.length, 1, 'Create Task items');
			assert(typeof created[0].json.taskId === 'string' && created[0].json.taskId !== '', 'Create Task output has no taskId');
			const files = filesOf(ctx, run, 'Wait for image');
			const detail = assertMedia(files, 'image', { count: 1 });
			assertEqual(files[0].json.taskId, created[0].json.taskId, 'taskId on the downloaded file');
			const log = await ctx.emulator.log();
			const creates = log.filter(isCreate);
			assertEqual(creates.length, 1, 'creates seen by the emulator');
			assertEqual(creates[0].body.model, 'google/nano-banana', 'model sent');
			assert(log.some(isMedia), 'the image was not downloaded from the emulator');
			ctx.green.add('kieExTextToImage01');
			return detail;
		});
		await report.check(g, 'example save-to-disk: the PNG lands in kie-results/ named <model>-<taskId>-1.png', async () => {
			await ctx.emulator.reset();
			const run = await executeOk(ctx, 'kieExSaveToDisk01');
			const taskId = nodeItems(run, 'Create image task')?.[0]?.json.taskId;
			const name = `google-nano-banana-${taskId}-1.png`;
			const file = join(ctx.n8n.resultsDir, name);
			assert(existsSync(file), `${name} not written (kie-results has: ${readdirSync(ctx.n8n.resultsDir).join(', ') || 'nothing'})`);
			const bytes = readFileSync(file);
			assertEqual(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'file signature');
			ctx.green.add('kieExSaveToDisk01');
			return `${name}, ${bytes.length} bytes`;
		});
		await report.check(g, 'example image-to-video: binary image uploaded as input → MP4 as binary', async () => {
			await ctx.emulator.reset();
			const run = await executeOk(ctx, 'kieExImageToVideo01');
			const image = filesOf(ctx, run, 'Wait for image');
			assertMedia(image, 'image', { count: 1 });
			const files = filesOf(ctx, run, 'Wait for video');
			const detail = assertMedia(files, 'video', { count: 1 });
			const log = await ctx.emulator.log();
			const uploads = log.filter(isUpload);
			assertEqual(uploads.length, 1, 'uploads to the File Upload API');
			const creates = log.filter(isCreate);
			assertEqual(creates.map((c) => c.body.model).join(','), 'google/nano-banana,kling-2.6/image-to-video', 'models created, in order');
			const imageUrls = creates[1].body.input?.image_urls;
			assert(Array.isArray(imageUrls) && imageUrls.length === 1, `image_urls of the video task: ${JSON.stringify(imageUrls)}`);
			const uploaded = await ctx.emulator.uploads();
			assertEqual(uploaded.length, 1, 'files stored by the emulator');
			assert(imageUrls[0].includes(uploaded[0].fileName), `image_urls[0] ${imageUrls[0]} does not point at the uploaded file ${uploaded[0].fileName}`);
			assert(uploaded[0].mimeType.startsWith('image/'), `uploaded file has mime type ${uploaded[0].mimeType}`);
			ctx.green.add('kieExImageToVideo01');
			return `${detail}; uploaded ${uploaded[0].mimeType} ${uploaded[0].size} B via ${uploaded[0].via}`;
		});
		await report.check(g, 'example suno-song: Suno task → 2 tracks as binary audio', async () => {
			await ctx.emulator.reset();
			const run = await executeOk(ctx, 'kieExSunoSong01');
			const files = filesOf(ctx, run, 'Wait for tracks');
			const detail = assertMedia(files, 'audio', { count: 2 });
			const creates = (await ctx.emulator.log()).filter(isCreate);
			assertEqual(creates.length, 1, 'creates');
			assertEqual(creates[0].route, 'suno.create', 'route of the create');
			assert(typeof creates[0].body.callBackUrl === 'string' && creates[0].body.callBackUrl.startsWith('https://'), 'Suno create without a callBackUrl placeholder');
			ctx.green.add('kieExSunoSong01');
			return detail;
		});
	},
};
