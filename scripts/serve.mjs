// npm start (after the build): serves the project folder and prints the demo's address.
import { serve } from './static-server.mjs';

const { url } = await serve({ port: Number(process.env.PORT) || 8080 });
console.log(`yidu demo: ${url}/demo/  (auto toolbar: ${url}/demo/auto.html, English: ${url}/demo/en.html)`);
