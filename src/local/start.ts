// `npm start`: the demo studio in demo/ (see demo.ts).
import { runDemo } from './demo';

runDemo('demo').then((code) => {
  process.exitCode = code;
});
