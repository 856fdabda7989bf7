// Cart nudge written in a hurry: several things the brand and the recommended rules forbid.
var utils = window.optimizely.get('utils');
utils.waitForElement('.cart-summary > div:nth-child(3)').then(function (el) {
  el.insertAdjacentHTML('beforeend', '<p class="nudge">Free shipping over $50</p>');
});
document.cookie = 'nudge=1';
fetch('https://tracker.example.net/hit?v=1');
setTimeout("window.__nudge = true", 500);
document.write('<div class="promo"></div>');
