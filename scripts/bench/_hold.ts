import { startBenchStack } from './bench-stack';
const stack = await startBenchStack(3400, true);
console.log('READY', stack.appUrl, stack.pid);
process.on('SIGINT', () => void stack.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
