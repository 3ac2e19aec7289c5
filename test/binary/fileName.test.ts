import { resultFileName } from '../../nodes/Kie/binary/fileName';

describe('result file names', () => {
	it('say what the file is: model, task ID and 1-based file number', () => {
		expect(resultFileName('google/nano-banana', 'task_8f2c', 0, 'png')).toBe('google-nano-banana-task_8f2c-1.png');
		expect(resultFileName('V5', 'abc', 1, 'mp3')).toBe('V5-abc-2.mp3');
	});

	it('stay safe file names whatever KIE sends', () => {
		expect(resultFileName(undefined, 'abc', 0, 'wav')).toBe('abc-1.wav');
		expect(resultFileName('../../etc/passwd', 'a b/c', 2, '.JPG')).toBe('etc-passwd-a-b-c-3.JPG');
		expect(resultFileName('', '', 0, '')).toBe('task-1.bin');
	});
});
