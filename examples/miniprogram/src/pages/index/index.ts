import { authCodeMachine, type AuthCodeActorRef } from '@authcode/core';
import { createExchange } from '@authcode/core/exchange';
import { createActor, type Subscription } from 'xstate';
import { exchangeCode } from './signIn';
import { renderView, type PageView } from './view';

interface IndexPage {
  actor: AuthCodeActorRef;
  subscription: Subscription;
  setData(data: Partial<PageView>): void;
}

const initialView: PageView = {
  status: 'idle',
  isLoading: false,
  code: '',
  grantedScopes: [],
  deniedScopes: {},
  signedIn: '',
  errorKind: '',
  errorMessage: '',
  errorCode: '',
};

Page({
  data: initialView,

  onLoad(this: IndexPage) {
    // `my` is looked up when a request starts: the framework hands it to this module.
    this.actor = createActor(authCodeMachine, {
      input: {
        scopes: ['USER_LOGIN_ID', 'USER_CONTACTINFO_EMAIL'],
        required: ['USER_LOGIN_ID'],
        // The code goes to the merchant server at once; the page keeps only the server's answer.
        exchange: createExchange(exchangeCode),
      },
    });
    this.subscription = this.actor.subscribe((snapshot) => this.setData(renderView(snapshot)));
    this.actor.start();
  },

  // No request here: dismissing the consent sheet fires onShow again, which would ask again.
  onShow() {},

  // Only a tap asks, never the first render.
  onAuthorize(this: IndexPage) {
    this.actor.send({ type: 'REQUEST' });
  },

  onCancel(this: IndexPage) {
    this.actor.send({ type: 'CANCEL' });
  },

  // Leaving the page stops the flow: a late answer from the sheet goes nowhere, a request is aborted.
  onUnload(this: IndexPage) {
    this.subscription.unsubscribe();
    this.actor.stop();
  },
});
