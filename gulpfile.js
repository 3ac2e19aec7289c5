const { src, dest } = require('gulp');

// tsc compiles the code and copies the codex JSON; the SVG icons are copied here.
function buildIcons() {
	src('nodes/**/*.{png,svg}').pipe(dest('dist/nodes'));
	return src('icons/**/*.{png,svg}').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
