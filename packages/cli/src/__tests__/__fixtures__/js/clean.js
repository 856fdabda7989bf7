document.querySelector('[data-testid="buy"]').textContent = 'Buy now';
