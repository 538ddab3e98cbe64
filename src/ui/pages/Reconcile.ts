import { callServer } from '../lib/server';
import { mountReconcile } from '../reconcile';

void mountReconcile(document.getElementById('app')!, callServer);
