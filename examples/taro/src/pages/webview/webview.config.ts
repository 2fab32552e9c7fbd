export default definePageConfig({ navigationBarTitleText: 'Sign in on the web' });
