import type { QueueDashboard } from './queue-dashboard.service';

const escape = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The read-only queue dashboard (`/admin/queues`), in French, without any script library. Retry buttons call the
 * JSON API with the token the web app keeps in sessionStorage (`cdce.token`).
 */
export function renderQueueDashboard(data: QueueDashboard): string {
  const sections: string[] = [];
  for (const queue of data.queues) {
    const counts = Object.entries(queue.counts)
      .map(([state, n]) => `<td>${escape(state)} : <b>${n}</b></td>`)
      .join('');
    const failed = queue.failed
      .map(
        (job) =>
          `<tr><td>${escape(job.id)}</td><td>${escape(job.name)}</td><td>${job.attemptsMade}</td><td>${escape(job.failedReason)}</td>` +
          `<td><button data-retry="/api/admin/queues/${encodeURIComponent(queue.name)}/jobs/${encodeURIComponent(job.id)}/retry">Relancer</button></td></tr>`,
      )
      .join('');
    sections.push(
      `<h2>File ${escape(queue.name)}</h2><table><tr>${counts}</tr></table>` +
        (failed
          ? `<table><tr><th>Tâche</th><th>Nom</th><th>Essais</th><th>Erreur</th><th></th></tr>${failed}</table>`
          : '<p>Aucune tâche en échec.</p>'),
    );
  }
  if (data.worker) {
    const reminders = data.worker.nextReminders
      .map((r) => `<tr><td>${escape(r.id)}</td><td>${escape(r.dueAt)}</td></tr>`)
      .join('');
    const recurring = data.worker.recurring
      .map((r) => `<tr><td>${escape(r.name)}</td><td>${escape(r.nextRunAt)}</td></tr>`)
      .join('');
    sections.push(
      `<h2>Exécuteur ${escape(data.worker.executor)} : ${data.worker.pendingReminders} rappel(s) en attente</h2>` +
        `<table><tr><th>Rappel</th><th>Échéance</th></tr>${reminders}</table>` +
        `<h2>Tâches récurrentes</h2><table><tr><th>Tâche</th><th>Prochaine exécution</th></tr>${recurring}</table>`,
    );
  }
  if (data.outbox) {
    const counts = Object.entries(data.outbox.counts)
      .map(([state, n]) => `<td>${escape(state)} : <b>${n}</b></td>`)
      .join('');
    const failed = data.outbox.messages
      .map(
        (m) =>
          `<tr><td>${escape(m.id)}</td><td>${escape(m.kind)}</td><td>${m.attempts}</td><td>${escape(m.lastError)}</td>` +
          `<td><button data-retry="/api/admin/outbox/${encodeURIComponent(m.id)}/retry">Renvoyer</button></td></tr>`,
      )
      .join('');
    sections.push(
      `<h2>Courriels (${escape(data.outbox.transport === 'smtp' ? 'SMTP' : 'fichiers .eml')})</h2><table><tr>${counts}</tr></table>` +
        (failed
          ? `<table><tr><th>Message</th><th>Type</th><th>Essais</th><th>Erreur</th><th></th></tr>${failed}</table>`
          : '<p>Aucun courriel en échec.</p>'),
    );
  }
  if (sections.length === 0)
    sections.push('<p>Ce processus ne fait tourner aucune tâche et aucun Redis n’est configuré.</p>');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>cdce — files de tâches</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}</style>
</head><body><h1>Files de tâches</h1>${sections.join('\n')}
<script>
document.querySelectorAll('button[data-retry]').forEach(function (button) {
  button.addEventListener('click', function () {
    var token = sessionStorage.getItem('cdce.token');
    fetch(button.dataset.retry, { method: 'POST', headers: token ? { authorization: 'Bearer ' + token } : {} })
      .then(function (r) { button.textContent = r.ok ? 'Relancé' : 'Refusé (' + r.status + ')'; });
  });
});
</script></body></html>`;
}
