// Each jest run gets its own scratch folder under var/test so that runs never collide.
const fs = require('node:fs');
const path = require('node:path');

module.exports = async () => {
  const dir = path.join(__dirname, '..', '..', 'var', 'test', `run-${process.pid}-${Date.now()}`);
  fs.mkdirSync(dir, { recursive: true });
  process.env.CDCE_TEST_DIR = dir;
};
