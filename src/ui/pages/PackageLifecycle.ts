import { callServer } from '../lib/server';
import { mountPackageLifecycle } from '../packageLifecycle';

void mountPackageLifecycle(document.getElementById('app')!, callServer);
